package uk.org.neglectexchange.assessment.subjectaccess;

import java.util.List;

/** What an export covers and what it does not, stated in the export itself so the DPO answers the request fully. */
public record ExportScope(List<String> covers, List<String> doesNotCover, String accessLogSource, String redaction) {

    static final ExportScope ASSESSMENT_SERVICE = new ExportScope(
            List.of("identity and birth: NHS number, names, date of birth and expected date, decrypted",
                    "registration: partnership, lead agency, when and by which agency system",
                    "chronology: every entry as stored, superseded ones included",
                    "assessments: every version with its contributions, completion and level decision",
                    "level history (proposals and decisions) and threshold history",
                    "household: siblings and carers, as relationships",
                    "plans, partnership history, transfers, merges of duplicate records into this one",
                    "sharing records: every share of the record with an agency other than the lead agency",
                    "escalations and drift alerts open now, as this service learnt them from escalation-service",
                    "who accessed the record: " + AccessLog.SOURCE),
            List.of("escalation-service's own records: the escalations' and drift alerts' history, resolved and cleared"
                            + " ones (who read them is in the access log)",
                    "accesses of the last moments before the export, not yet received from the audit trail",
                    "records the agencies hold in their own systems",
                    "third-party information removed by the redaction rule (see redaction)"),
            AccessLog.SOURCE,
            "Third-party information removed (UK GDPR Art 15(4), DPA 2018 Sch 2 para 16): siblings' and carers'"
                    + " references and names; practitioners' ids (the agency is kept); carers' and siblings' names in"
                    + " free text. Rule: assessment-service README, Subject access; subjectaccess/ThirdPartyRedactionRule");
}
