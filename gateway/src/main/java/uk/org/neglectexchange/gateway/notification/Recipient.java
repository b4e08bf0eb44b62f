package uk.org.neglectexchange.gateway.notification;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who a notification is for: an agency of a partnership, or the partnership's business team or escalation panel.
 * One realm client stands for each, so a client's notifications are its recipient's. Written {@code WSSCP:EDUCATION}.
 */
public record Recipient(String partnership, String audience) {

    public static final Set<String> PARTNERSHIPS = Set.of("HSCP", "IOWSCP", "WSSCP");
    public static final List<String> AGENCIES = List.of("CHILDRENS_SERVICES", "HEALTH", "EDUCATION", "POLICE");
    public static final String BUSINESS_TEAM = "BUSINESS_TEAM";
    public static final String ESCALATION_PANEL = "ESCALATION_PANEL";

    public static Recipient agency(String partnership, String agency) {
        return new Recipient(partnership, agency);
    }

    public static List<Recipient> everyAgencyOf(String partnership) {
        return AGENCIES.stream().map(agency -> agency(partnership, agency)).toList();
    }

    /**
     * The caller's recipient: the business team and the panel by their role (their clients name no agency), an
     * agency system by its token's agency claim; empty for a token that is neither.
     */
    public static Optional<Recipient> of(SecurityIdentity identity) {
        JsonWebToken token = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt : null;
        String partnership = token == null ? null : token.getClaim("partnership");
        if (partnership == null || !PARTNERSHIPS.contains(partnership)) {
            return Optional.empty();
        }
        if (identity.hasRole("business-team")) {
            return Optional.of(new Recipient(partnership, BUSINESS_TEAM));
        }
        if (identity.hasRole("escalation-panel")) {
            return Optional.of(new Recipient(partnership, ESCALATION_PANEL));
        }
        String agency = token.getClaim("agency");
        return AGENCIES.contains(agency) ? Optional.of(agency(partnership, agency)) : Optional.empty();
    }

    public String key() {
        return partnership + ":" + audience;
    }

    @Override
    public String toString() {
        return key();
    }
}
