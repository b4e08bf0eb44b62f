package uk.org.neglectexchange.assessment.child;

import java.time.LocalDate;
import java.time.Period;

/** The toolkit's age bands; an unborn baby is PRE_BIRTH. Events carry the band, never the date. */
public enum AgeBand {
    PRE_BIRTH("PRE_BIRTH"), AGE_0_4("0_4"), AGE_5_11("5_11"), AGE_12_17("12_17");

    private final String code;

    AgeBand(String code) {
        this.code = code;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return code;
    }

    public static AgeBand of(LocalDate dateOfBirth, LocalDate today) {
        if (dateOfBirth == null) {
            return PRE_BIRTH;
        }
        int years = Period.between(dateOfBirth, today).getYears();
        return years <= 4 ? AGE_0_4 : years <= 11 ? AGE_5_11 : AGE_12_17;
    }
}
