package uk.org.neglectexchange.toolkit.survey;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import uk.org.neglectexchange.platform.idempotency.IdempotentRequests;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests.Applied;
import uk.org.neglectexchange.platform.problem.Problem.FieldError;
import uk.org.neglectexchange.platform.problem.ProblemException;
import uk.org.neglectexchange.toolkit.edition.Edition;
import uk.org.neglectexchange.toolkit.edition.EditionService;
import uk.org.neglectexchange.toolkit.edition.ToolkitFamily;
import uk.org.neglectexchange.toolkit.survey.PracticeSurveyQuestions.Approach;
import uk.org.neglectexchange.toolkit.survey.PracticeSurveyQuestions.Scale;

/** Stores practitioners' survey responses against a readable edition and aggregates them for the family's editors. */
@ApplicationScoped
public class SurveyService {

    private static final String OF_EDITION = " from practice_survey_response where edition_id = :edition"
            + " and questionnaire_version = :questionnaire";

    @Inject
    EditionService editions;

    @Inject
    EntityManager entityManager;

    @Inject
    IdempotentRequests idempotency;

    /** A response as its Idempotency-Key is checked: the same answers about another edition are another request. */
    private record KeyedResponse(ToolkitFamily family, String version, NewSurveyResponse answers) {
    }

    /**
     * Drafts are as invisible here as to any reader: answering one is a 404, like reading it. A retry with the same
     * Idempotency-Key gets the first receipt again, and the response is counted once.
     */
    @Transactional
    public SurveyReceipt respond(ToolkitFamily family, String version, NewSurveyResponse answers, String partnership,
            String agency, String clientId, String idempotencyKey) {
        return idempotency.once(idempotencyKey, new KeyedResponse(family, version, answers),
                previous -> receipt(family, PracticeSurveyResponse.findById(UUID.fromString(previous.resourceId()))),
                () -> {
                    PracticeSurveyResponse response = respondOnce(family, version, answers, partnership, agency, clientId);
                    return Applied.created(response.id, receipt(family, response));
                });
    }

    private SurveyReceipt receipt(ToolkitFamily family, PracticeSurveyResponse response) {
        Edition edition = Edition.findById(response.editionId);
        return new SurveyReceipt(response.id, family.name(), edition.version, response.questionnaireVersion,
                response.submittedAt);
    }

    private PracticeSurveyResponse respondOnce(ToolkitFamily family, String version, NewSurveyResponse answers,
            String partnership, String agency, String clientId) {
        Edition edition = editions.edition(family, version, false);
        String suggestion = answers.improvementSuggestion() == null || answers.improvementSuggestion().isBlank() ? null
                : answers.improvementSuggestion().strip();
        List<FieldError> errors = new ArrayList<>(unknownOrRepeatedApproaches(answers.approachesApplied()));
        List<PersonalDataInFreeText.Kind> personalData = PersonalDataInFreeText.find(suggestion);
        if (!personalData.isEmpty()) {
            errors.add(new FieldError("improvementSuggestion", "looks like it contains "
                    + personalData.stream().map(PersonalDataInFreeText.Kind::description).collect(Collectors.joining(" and "))
                    + ": describe practice, tools, guidance or training, never a child or family"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors);
        }
        PracticeSurveyResponse response = new PracticeSurveyResponse();
        response.id = UUID.randomUUID();
        response.editionId = edition.id;
        response.questionnaireVersion = PracticeSurveyQuestions.VERSION;
        response.partnership = partnership;
        response.agency = agency;
        response.clientId = clientId;
        response.submittedAt = OffsetDateTime.now(ZoneOffset.UTC);
        response.howeCategoriesFamiliarity = answers.howeCategoriesFamiliarity();
        response.confidenceIdentifyingNeglect = answers.confidenceIdentifyingNeglect();
        response.toolsUseful = answers.toolsUseful();
        response.approachesApplied = List.copyOf(answers.approachesApplied());
        response.improvementSuggestion = suggestion;
        response.persist();
        return response;
    }

    public SurveyResults results(ToolkitFamily family, String version) {
        Edition edition = editions.edition(family, version, false);
        Map<String, Long> byPartnership = new LinkedHashMap<>();
        family.partnerships().forEach(p -> byPartnership.put(p, 0L));
        byPartnership.putAll(counts("select partnership, count(*)" + OF_EDITION + " group by partnership order by 1", edition));
        // every response has exactly one partnership, so these counts add up to the total
        long responses = byPartnership.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> byApproach = counts("select a.code, count(*) from practice_survey_response r"
                + " cross join unnest(r.approaches_applied) as a(code) where r.edition_id = :edition"
                + " and r.questionnaire_version = :questionnaire group by a.code", edition);
        return new SurveyResults(family.name(), edition.version, PracticeSurveyQuestions.VERSION, responses,
                Arrays.stream(Scale.values()).map(s -> scale(s, edition)).toList(),
                Arrays.stream(Approach.values())
                        .map(a -> new SurveyResults.ApproachResult(a.name(), a.description(), byApproach.getOrDefault(a.name(), 0L)))
                        .toList(),
                byPartnership,
                counts("select agency, count(*)" + OF_EDITION + " group by agency order by 1", edition),
                query("select improvement_suggestion" + OF_EDITION + " and improvement_suggestion is not null"
                        + " order by submitted_at", edition).getResultList().stream().map(String.class::cast).toList());
    }

    private static List<FieldError> unknownOrRepeatedApproaches(List<String> codes) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            if (Approach.parse(codes.get(i)).isEmpty()) {
                errors.add(new FieldError("approachesApplied[" + i + "]", "must be one of the 11 best-practice approaches "
                        + Arrays.stream(Approach.values()).map(Approach::name).toList()));
            } else if (!seen.add(codes.get(i))) {
                errors.add(new FieldError("approachesApplied[" + i + "]", "repeats an approach already given"));
            }
        }
        return errors;
    }

    private SurveyResults.ScaleResult scale(Scale question, Edition edition) {
        Map<Integer, Long> countByScore = new LinkedHashMap<>();
        for (int score = 1; score <= 5; score++) {
            countByScore.put(score, 0L);
        }
        counts("select cast(" + question.column() + " as text), count(*)" + OF_EDITION + " group by 1", edition)
                .forEach((score, count) -> countByScore.put(Integer.valueOf(score), count));
        long answered = countByScore.values().stream().mapToLong(Long::longValue).sum();
        long total = countByScore.entrySet().stream().mapToLong(e -> e.getKey() * e.getValue()).sum();
        Double mean = answered == 0 ? null : Math.round(100.0 * total / answered) / 100.0;
        return new SurveyResults.ScaleResult(question.field(), question.question(), countByScore, mean);
    }

    private Map<String, Long> counts(String sql, Edition edition) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object row : query(sql, edition).getResultList()) {
            Object[] columns = (Object[]) row;
            counts.put((String) columns[0], ((Number) columns[1]).longValue());
        }
        return counts;
    }

    private Query query(String sql, Edition edition) {
        return entityManager.createNativeQuery(sql)
                .setParameter("edition", edition.id)
                .setParameter("questionnaire", PracticeSurveyQuestions.VERSION);
    }
}
