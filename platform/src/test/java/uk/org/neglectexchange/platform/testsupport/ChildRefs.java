package uk.org.neglectexchange.platform.testsupport;

import java.util.concurrent.ThreadLocalRandom;

/** Pseudonymous child references of the exchange's form, for events and requests a test makes up. */
public final class ChildRefs {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private ChildRefs() {
    }

    /** "CH-" and ten of A-Z and 2-9 (no I, O, 0 or 1), at random. */
    public static String random() {
        StringBuilder ref = new StringBuilder("CH-");
        for (int i = 0; i < 10; i++) {
            ref.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
        }
        return ref.toString();
    }
}
