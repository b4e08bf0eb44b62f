package uk.org.neglectexchange.gateway.stream;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.vertx.core.buffer.Buffer;

/** A journalled event or notification as the stream hands it out, with its SSE message written once for every client. */
record JournalEntry(long seq, UUID eventId, String type, List<String> partnerships, List<String> recipients, Buffer frame) {

    static JournalEntry of(long seq, UUID eventId, String type, List<String> partnerships, List<String> recipients,
            String envelope) {
        String message = "id: " + eventId + "\nevent: " + type + "\ndata: " + envelope + "\n\n";
        return new JournalEntry(seq, eventId, type, partnerships, recipients,
                Buffer.buffer(message.getBytes(StandardCharsets.UTF_8)));
    }
}
