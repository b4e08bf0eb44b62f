package uk.org.neglectexchange.gateway.stream;

/**
 * Whom a stream connection or a feed page is for: a partnership's dashboard, which sees the partnership's events, or
 * one recipient ({@code <partnership>:<audience>}, e.g. {@code WSSCP:EDUCATION}), which sees only the notifications
 * addressed to it.
 */
public record StreamAudience(String partnership, String recipient) {

    public static StreamAudience dashboard(String partnership) {
        return new StreamAudience(partnership, null);
    }

    public static StreamAudience recipient(String recipient) {
        return new StreamAudience(null, recipient);
    }

    boolean admits(JournalEntry entry) {
        return recipient == null
                ? entry.recipients().isEmpty() && entry.partnerships().contains(partnership)
                : entry.recipients().contains(recipient);
    }

    /** The journal rows it may see: a condition with one parameter, {@link #sqlParameter()}. */
    String sqlCondition() {
        return recipient == null ? "recipients is null and ? = any(partnerships)" : "? = any(recipients)";
    }

    String sqlParameter() {
        return recipient == null ? partnership : recipient;
    }

    @Override
    public String toString() {
        return recipient == null ? partnership : recipient;
    }
}
