package uk.org.neglectexchange.toolkit.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import uk.org.neglectexchange.toolkit.survey.PersonalDataInFreeText.Kind;

class PersonalDataInFreeTextTest {

    @ParameterizedTest
    @ValueSource(strings = { "Her NHS number is 9434765919.", "nhs 943 476 5919 seen at clinic", "ref 943-476-5919" })
    void aValidNhsNumberIsFound(String text) {
        assertTrue(PersonalDataInFreeText.find(text).contains(Kind.NHS_NUMBER), text);
    }

    @Test
    void tenDigitsFailingTheCheckDigitAreNotAnNhsNumber() {
        assertFalse(PersonalDataInFreeText.isNhsNumber("9434765918"));
        assertEquals(List.of(), PersonalDataInFreeText.find("Case 9434765918 took too long to reach conference"));
    }

    @Test
    void checkDigitElevenCountsAsZeroAndTenIsNeverValid() {
        assertTrue(PersonalDataInFreeText.isNhsNumber("4010232110"));
        IntStream.rangeClosed(0, 9).forEach(d -> assertFalse(PersonalDataInFreeText.isNhsNumber("401023217" + d)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "born 12/03/2019", "dob 12-03-19", "on 12.03.2019", "2019-03-12", "12 March 2019",
            "the 1st of mar 2019", "March 12, 2019" })
    void aFullDateCouldBeADateOfBirth(String text) {
        assertEquals(List.of(Kind.DATE_OF_BIRTH), PersonalDataInFreeText.find(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = { "lives at PO19 1RQ", "near so16 6yd", "W1A 1AA", "EC1A1BB" })
    void aUkPostcodeIsFound(String text) {
        assertEquals(List.of(Kind.POSTCODE), PersonalDataInFreeText.find(text), text);
    }

    @Test
    void emailAddressesAndPhoneNumbersAreFound() {
        assertEquals(List.of(Kind.EMAIL_ADDRESS), PersonalDataInFreeText.find("mum is jo.bloggs+kids@example.co.uk"));
        assertEquals(List.of(Kind.PHONE_NUMBER), PersonalDataInFreeText.find("ring 01243 777100 after school"));
        assertEquals(List.of(Kind.PHONE_NUMBER), PersonalDataInFreeText.find("mobile +44 7700 900123"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "a boy named Kai", "the girl Amy O'Brien was hungry", "her son, Leo Smith-Jones",
            "Their name is Noor and school saw it first", "The Baby Ella Grant case drifted" })
    void aChildsNameIsFound(String text) {
        assertEquals(List.of(Kind.NAME), PersonalDataInFreeText.find(text), text);
    }

    @Test
    void everyKindFoundIsReportedInOrder() {
        assertEquals(List.of(Kind.NHS_NUMBER, Kind.DATE_OF_BIRTH, Kind.POSTCODE),
                PersonalDataInFreeText.find("9434765919, born 2019-03-12, at PO19 1RQ"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The indicator chart for adolescents should say more about disorganised neglect in toolkit 2.1.10.",
            "Child Protection Plan reviews drift; a child In Need plan needs a clearer step-down route.",
            "Training on Howe's four categories since March 2019 helped, but level 3 guidance is thin for 0-5s.",
            "Baby Early Help pathways and the Graded Care Profile should be linked from the thresholds chart.",
            "We see around 20 to 30 referrals a week; the 45 working day assessment clock is hard to meet." })
    void practiceTextIsAccepted(String text) {
        assertEquals(List.of(), PersonalDataInFreeText.find(text), text);
    }
}
