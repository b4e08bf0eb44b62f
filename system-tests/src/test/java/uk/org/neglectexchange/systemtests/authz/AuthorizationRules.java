package uk.org.neglectexchange.systemtests.authz;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import uk.org.neglectexchange.systemtests.authz.RealmClients.Client;

/**
 * Who may call what: one row per operation of the combined OpenAPI document ({@code METHOD path} exactly as the
 * document spells it). {@link AuthorizationMatrixTest} fails when the document has an operation this table lacks, or
 * the table names one the document no longer has. The order of the rows is the order the matrix calls them in.
 *
 * <p>A row says which realm roles let a caller in (any of them; {@code ANY_TOKEN}: every valid token), and what the
 * path names:
 * <ul>
 * <li>{@code NONE}: nothing of a partnership (or always the caller's own, from its token): called once per client;</li>
 * <li>{@code OBJECT}: a child, assessment, escalation or alert of a partnership: called on each partnership's; another
 * partnership's is <b>404</b>, so nobody learns that it exists;</li>
 * <li>{@code OWN_ONLY}: a partnership named in the body or the query: another one is <b>403</b>;</li>
 * <li>{@code FAMILY}: a toolkit family (HIOW for HSCP and IOWSCP, WS for WSSCP): readable by every reader;</li>
 * <li>{@code PUBLIC}: a partnership's public settings, readable by every caller for every partnership.</li>
 * </ul>
 * Conditions narrow it further within the caller's partnership. A caller without any of the roles gets <b>403</b>
 * whatever the target: the role check comes first and tells nothing about objects.
 */
final class AuthorizationRules {

    static final Set<String> ANY_TOKEN = Set.of();

    enum Scope { NONE, OBJECT, OWN_ONLY, FAMILY, PUBLIC }

    enum Condition {
        /** only the child's lead agency; other agencies of the partnership: 403 */
        LEAD_AGENCY,
        /** only the two agencies party to the escalation; other agencies of the partnership: 404 */
        PARTY,
        /** only the editor of the target's family ({@code toolkit_family} claim); others: 403 */
        FAMILY_EDITOR,
        /** only partnerships that use the target's family; others: 403 */
        FAMILY_MEMBER,
        /** the role audit-read (the data protection officer) sees every partnership's */
        AUDIT_READ_SEES_ALL,
        /**
         * a transfer to the target partnership, asked for by the partnership after it ({@link Partnerships#next}): that
         * sending partnership knows of it and is told 403; a third partnership 404 (scope OBJECT)
         */
        SENDER_FORBIDDEN,
        /** only children's services or the data protection officer (role data-protection); other agencies: 403 */
        RECTIFIER
    }

    record Rule(String operation, Set<String> roles, Scope scope, Set<Condition> conditions) {
    }

    enum Outcome { ALLOWED, FORBIDDEN, NOT_FOUND }

    static final Map<String, Rule> RULES = table(
            // operation                                                              roles                          scope     conditions
            rule("GET /api/v1/partnerships",                                          ANY_TOKEN,                     Scope.NONE),
            rule("GET /api/v1/escalation-procedures",                                 ANY_TOKEN,                     Scope.NONE),
            rule("GET /api/v1/escalation-procedures/{partnership}",                   ANY_TOKEN,                     Scope.PUBLIC),
            // toolkit: content is shared by the whole exchange; editing and survey results belong to the family's editor
            rule("GET /api/v1/toolkits/{family}/editions",                            roles("toolkit-read", "toolkit-edit"), Scope.FAMILY),
            rule("GET /api/v1/toolkits/{family}/editions/current",                    roles("toolkit-read", "toolkit-edit"), Scope.FAMILY),
            rule("GET /api/v1/toolkits/{family}/editions/{version}",                  roles("toolkit-read", "toolkit-edit"), Scope.FAMILY),
            rule("GET /api/v1/toolkits/{family}/editions/{version}/thresholds",       roles("toolkit-read", "toolkit-edit"), Scope.FAMILY),
            rule("GET /api/v1/toolkits/{family}/editions/{version}/categories",       roles("toolkit-read", "toolkit-edit"), Scope.FAMILY),
            rule("GET /api/v1/toolkits/{family}/editions/{version}/approaches",       roles("toolkit-read", "toolkit-edit"), Scope.FAMILY),
            rule("GET /api/v1/toolkits/{family}/editions/{version}/indicators",       roles("toolkit-read", "toolkit-edit"), Scope.FAMILY),
            rule("GET /api/v1/toolkits/{family}/editions/{version}/guidance",         roles("toolkit-read", "toolkit-edit"), Scope.FAMILY),
            rule("GET /api/v1/toolkits/{family}/editions/{version}/guidance/{code}",  roles("toolkit-read", "toolkit-edit"), Scope.FAMILY),
            rule("GET /api/v1/toolkits/{family}/editions/{version}/strategy",         roles("toolkit-read", "toolkit-edit"), Scope.FAMILY),
            rule("GET /api/v1/toolkits/{family}/editions/{version}/action-plan",      roles("toolkit-read", "toolkit-edit"), Scope.FAMILY),
            rule("GET /api/v1/toolkits/{family}/editions/{version}/diff",             roles("toolkit-read", "toolkit-edit"), Scope.FAMILY),
            rule("GET /api/v1/toolkits/{family}/editions/{version}/charts",           roles("toolkit-read", "toolkit-edit"), Scope.FAMILY),
            rule("GET /api/v1/toolkits/{family}/editions/{version}/charts/{chart}",   roles("toolkit-read", "toolkit-edit"), Scope.FAMILY),
            rule("POST /api/v1/toolkits/{family}/editions/{version}/survey-responses", roles("survey-respond"),      Scope.FAMILY, Condition.FAMILY_MEMBER),
            rule("GET /api/v1/toolkits/{family}/editions/{version}/survey-results",   roles("toolkit-edit"),         Scope.FAMILY, Condition.FAMILY_EDITOR),
            rule("POST /api/v1/toolkits/{family}/editions",                           roles("toolkit-edit"),         Scope.FAMILY, Condition.FAMILY_EDITOR),
            rule("PUT /api/v1/toolkits/{family}/editions/{version}/content",          roles("toolkit-edit"),         Scope.FAMILY, Condition.FAMILY_EDITOR),
            rule("POST /api/v1/toolkits/{family}/editions/{version}/publication",     roles("toolkit-edit"),         Scope.FAMILY, Condition.FAMILY_EDITOR),
            // children and everything about them belong to the child's partnership
            rule("POST /api/v1/children",                                             roles("child-write"),          Scope.OWN_ONLY),
            rule("GET /api/v1/children/{childRef}",                                   roles("child-read"),           Scope.OBJECT),
            rule("GET /api/v1/children/{childRef}/sharing-records",                   roles("child-read", "audit-read"), Scope.OBJECT, Condition.LEAD_AGENCY, Condition.AUDIT_READ_SEES_ALL),
            rule("POST /api/v1/children/{childRef}/chronology",                       roles("chronology-write"),     Scope.OBJECT),
            // the data protection officer reads the chronology too, rectified entries included
            rule("GET /api/v1/children/{childRef}/chronology",                        roles("chronology-read", "data-protection"), Scope.OBJECT),
            rule("GET /api/v1/children/{childRef}/chronology/{entryId}",              roles("chronology-read", "data-protection"), Scope.OBJECT),
            rule("POST /api/v1/children/{childRef}/chronology/{entryId}/rectification", roles("chronology-write", "data-protection"), Scope.OBJECT, Condition.RECTIFIER),
            rule("POST /api/v1/children/{childRef}/household-links",                  roles("child-write"),          Scope.OBJECT),
            rule("POST /api/v1/children/{childRef}/carers",                           roles("child-write"),          Scope.OBJECT),
            rule("GET /api/v1/children/{childRef}/household",                         roles("child-read"),           Scope.OBJECT),
            rule("POST /api/v1/children/{childRef}/assessments",                      roles("assessment-write"),     Scope.OBJECT),
            rule("GET /api/v1/assessments/{id}",                                      roles("assessment-read"),      Scope.OBJECT),
            rule("POST /api/v1/assessments/{id}/contributions",                       roles("assessment-write"),     Scope.OBJECT),
            rule("POST /api/v1/assessments/{id}/completion",                          roles("assessment-write"),     Scope.OBJECT),
            rule("POST /api/v1/assessments/{id}/amendments",                          roles("assessment-write"),     Scope.OBJECT),
            // the level a partnership gives children's services (the matrix's lead agency) to decide: others propose it
            rule("POST /api/v1/assessments/{id}/level-decision",                      roles("assessment-write"),     Scope.OBJECT, Condition.LEAD_AGENCY),
            rule("GET /api/v1/children/{childRef}/threshold-history",                 roles("assessment-read"),      Scope.OBJECT),
            rule("GET /api/v1/children/{childRef}/assessments",                       roles("assessment-read"),      Scope.OBJECT),
            rule("GET /api/v1/children/{childRef}/summary",                           roles("child-read"),           Scope.OBJECT),
            // the registering agency or children's services: the fixture's children are registered by children's services
            rule("POST /api/v1/children/{childRef}/birth",                            roles("child-write"),          Scope.OBJECT, Condition.LEAD_AGENCY),
            // plans and merges are children's services' (the fixture's lead agency): other agencies 403
            rule("POST /api/v1/children/{childRef}/plans",                            roles("child-write"),          Scope.OBJECT, Condition.LEAD_AGENCY),
            rule("POST /api/v1/children/{childRef}/plans/{planId}/end",               roles("child-write"),          Scope.OBJECT, Condition.LEAD_AGENCY),
            rule("GET /api/v1/children/{childRef}/plans",                             roles("child-read"),           Scope.OBJECT),
            rule("POST /api/v1/children/{childRef}/merges",                           roles("child-write"),          Scope.OBJECT, Condition.LEAD_AGENCY),
            rule("GET /api/v1/children/{childRef}/merges",                            roles("child-read"),           Scope.OBJECT),
            rule("GET /api/v1/children/{childRef}/transfers",                         roles("child-read"),           Scope.OBJECT),
            rule("POST /api/v1/children/{childRef}/transfers",                        roles("child-transfer"),       Scope.OBJECT),
            rule("POST /api/v1/transfers/{id}/accept",                                roles("child-transfer"),       Scope.OBJECT, Condition.SENDER_FORBIDDEN),
            // the trail of the caller's partnership only (the gateway's): another partnership's child is a 404
            rule("GET /api/v1/audit",                                                 roles("audit-read"),           Scope.OBJECT),
            rule("GET /api/v1/audit/verification",                                    roles("audit-read"),           Scope.NONE),
            // the subject access export: the child's own partnership's data protection officer only
            rule("GET /api/v1/children/{childRef}/subject-access-export",             roles("data-protection"),      Scope.OBJECT),
            // retention: the child's partnership's data protection officer alone holds or erases its record
            rule("POST /api/v1/children/{childRef}/legal-holds",                      roles("data-protection"),      Scope.OBJECT),
            rule("GET /api/v1/children/{childRef}/legal-holds",                       roles("data-protection"),      Scope.OBJECT),
            rule("POST /api/v1/children/{childRef}/legal-holds/{holdId}/lift",        roles("data-protection"),      Scope.OBJECT),
            rule("POST /api/v1/children/{childRef}/erasure",                          roles("data-protection"),      Scope.OBJECT),
            // escalations: between two agencies of a partnership, about one of its children
            rule("POST /api/v1/escalations",                                          roles("escalation-write"),     Scope.OBJECT),
            // the partnership's escalation panel (stage 4) and business team (from its procedure's stage) take part too:
            // the fixture's escalation is at stage 1, so neither sees it (404); the business team never acts (403)
            rule("GET /api/v1/escalations",                                           roles("escalation-read", "escalation-panel", "business-team"), Scope.NONE),
            rule("GET /api/v1/escalations/{id}",                                      roles("escalation-read", "escalation-panel", "business-team"), Scope.OBJECT, Condition.PARTY),
            rule("POST /api/v1/escalations/{id}/actions",                             roles("escalation-write", "escalation-panel"), Scope.OBJECT, Condition.PARTY),
            rule("GET /api/v1/drift-alerts",                                          roles("drift-read"),           Scope.OWN_ONLY),
            rule("POST /api/v1/drift-alerts/{id}/acknowledgement",                    roles("drift-acknowledge"),    Scope.OBJECT),
            // the gateway's own: partnership dashboards, always of the token's partnership
            rule("GET /api/v1/dashboard",                                             roles("dashboard"),            Scope.NONE),
            rule("GET /api/v1/dashboard/children-by-category",                        roles("dashboard"),            Scope.NONE),
            rule("GET /api/v1/dashboard/children-by-level",                           roles("dashboard"),            Scope.NONE),
            rule("GET /api/v1/dashboard/level-changes",                               roles("dashboard"),            Scope.NONE),
            rule("GET /api/v1/dashboard/drift-alerts",                                roles("dashboard"),            Scope.NONE),
            rule("GET /api/v1/dashboard/escalations",                                 roles("dashboard"),            Scope.NONE),
            rule("GET /api/v1/dashboard/toolkit-review",                              roles("dashboard"),            Scope.NONE),
            rule("GET /api/v1/dashboard/contributions-by-agency",                     roles("dashboard"),            Scope.NONE),
            rule("GET /api/v1/dashboard/neglect-protection-plans",                    roles("dashboard"),            Scope.NONE),
            rule("GET /api/v1/events/stream",                                         roles("dashboard"),            Scope.NONE),
            // notifications: always the calling client's own (another client's subscription is a 404, NotificationsTest)
            rule("GET /api/v1/notifications",                                         roles("notification-subscribe"), Scope.NONE),
            rule("GET /api/v1/notifications/stream",                                  roles("notification-subscribe"), Scope.NONE),
            rule("POST /api/v1/subscriptions",                                        roles("notification-subscribe"), Scope.NONE),
            rule("GET /api/v1/subscriptions",                                         roles("notification-subscribe"), Scope.NONE),
            rule("GET /api/v1/subscriptions/{id}",                                    roles("notification-subscribe"), Scope.NONE),
            rule("DELETE /api/v1/subscriptions/{id}",                                 roles("notification-subscribe"), Scope.NONE),
            rule("POST /api/v1/subscriptions/{id}/test",                              roles("notification-subscribe"), Scope.NONE),
            rule("GET /api/v1/subscriptions/{id}/deliveries",                         roles("notification-subscribe"), Scope.NONE),
            rule("POST /api/v1/subscriptions/{id}/deliveries/{deliveryId}/retry",     roles("notification-subscribe"), Scope.NONE));

    /**
     * Objects named in a request body rather than its path: another partnership's is 404 there too. Each client the
     * operation's row lets in sends, on its own partnership's child, the other partnerships' object.
     */
    static final Map<String, String> REFERENCES = Map.of(
            "POST /api/v1/children/{childRef}/household-links", "relatedChildRef",
            "POST /api/v1/children/{childRef}/carers", "carerRef");

    private AuthorizationRules() {
    }

    /**
     * What a caller should get for an operation on a target partnership's objects. {@code leadAgency} and
     * {@code parties} describe the target object (the fixture's child and escalation).
     */
    static Outcome expected(Rule rule, Client caller, String target, String leadAgency, Set<String> parties) {
        if (!rule.roles().isEmpty() && rule.roles().stream().noneMatch(caller::has)) {
            return Outcome.FORBIDDEN;
        }
        if (rule.conditions().contains(Condition.AUDIT_READ_SEES_ALL) && caller.has("audit-read")) {
            return Outcome.ALLOWED;
        }
        if (rule.conditions().contains(Condition.SENDER_FORBIDDEN) && caller.ofOnePartnership()
                && caller.partnership().equals(Partnerships.next(target))) {
            return Outcome.FORBIDDEN;
        }
        boolean own = target.equals(caller.partnership());
        switch (rule.scope()) {
            case OBJECT -> {
                if (!own) {
                    return Outcome.NOT_FOUND;
                }
            }
            case OWN_ONLY -> {
                if (!own) {
                    return Outcome.FORBIDDEN;
                }
            }
            case NONE, FAMILY, PUBLIC -> {
            }
        }
        String family = Partnerships.family(target);
        if (rule.conditions().contains(Condition.FAMILY_EDITOR) && !family.equals(caller.toolkitFamily())) {
            return Outcome.FORBIDDEN;
        }
        if (rule.conditions().contains(Condition.FAMILY_MEMBER)
                && !(caller.ofOnePartnership() && family.equals(Partnerships.family(caller.partnership())))) {
            return Outcome.FORBIDDEN;
        }
        // the escalation panel and the business team have no agency: never a party, they see only the stages given them
        if (rule.conditions().contains(Condition.PARTY) && (caller.agency() == null || !parties.contains(caller.agency()))) {
            return Outcome.NOT_FOUND;
        }
        if (rule.conditions().contains(Condition.RECTIFIER) && !"CHILDRENS_SERVICES".equals(caller.agency())
                && !caller.has("data-protection")) {
            return Outcome.FORBIDDEN;
        }
        if (rule.conditions().contains(Condition.LEAD_AGENCY) && !leadAgency.equals(caller.agency())) {
            return Outcome.FORBIDDEN;
        }
        return Outcome.ALLOWED;
    }

    private static Set<String> roles(String... roles) {
        return Set.of(roles);
    }

    private static Rule rule(String operation, Set<String> roles, Scope scope, Condition... conditions) {
        return new Rule(operation, roles, scope, Set.of(conditions));
    }

    private static Map<String, Rule> table(Rule... rules) {
        Map<String, Rule> table = new LinkedHashMap<>();
        for (Rule rule : List.of(rules)) {
            if (table.put(rule.operation(), rule) != null) {
                throw new IllegalStateException("two rules for " + rule.operation());
            }
        }
        return table;
    }
}
