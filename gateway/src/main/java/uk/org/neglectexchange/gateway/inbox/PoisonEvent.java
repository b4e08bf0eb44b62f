package uk.org.neglectexchange.gateway.inbox;

/**
 * An event that no retry can apply (malformed, off-contract, unknown type). It goes to the topic's DLQ at once,
 * with this message as the reason; the message names what is wrong, never a value from the event.
 */
public class PoisonEvent extends RuntimeException {

    public PoisonEvent(String reason) {
        super(reason);
    }
}
