package uk.org.neglectexchange.platform.testsupport;

import java.util.concurrent.ThreadLocalRandom;

/** NHS numbers from the 999 test range, never issued to a person, with a correct modulus-11 check digit. */
public final class TestNhsNumbers {

    private TestNhsNumbers() {
    }

    public static String random() {
        while (true) {
            String first9 = "999" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
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
