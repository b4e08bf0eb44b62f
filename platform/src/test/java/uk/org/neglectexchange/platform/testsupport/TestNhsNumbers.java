package uk.org.neglectexchange.platform.testsupport;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * NHS numbers from the 999 test range, never issued to a person, with a correct modulus-11 check digit. Each is new
 * within the JVM: numbers are taken in turn from a random start, not drawn at random, since the range holds about
 * 900,000 valid numbers and a module's tests register hundreds of children (drawn, two of them shared a number in
 * about one run in seven, and the second registration found the first child).
 */
public final class TestNhsNumbers {

    private static final int RANGE = 1_000_000;
    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(RANGE));

    private TestNhsNumbers() {
    }

    public static String random() {
        while (true) {
            String first9 = "999" + String.format("%06d", Math.floorMod(NEXT.getAndIncrement(), RANGE));
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (first9.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            // a remainder giving 10 has no valid check digit: such a number does not exist
            if (check != 10) {
                return first9 + check;
            }
        }
    }
}
