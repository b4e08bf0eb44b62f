package uk.org.neglectexchange.gateway.dashboard;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Counts over the dashboard projection, always for one partnership, taken at query time so that "open", "overdue"
 * and ages are as of today. Every map lists each known key (categories, levels, rules, stages) even at zero, so a
 * chart does not lose a bar; agencies are listed as they occur.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DashboardQueries {

    static final List<String> CATEGORIES = List.of("EMOTIONAL", "DEPRESSED_PASSIVE", "DISORGANISED", "SEVERE_DEPRIVATION");
    static final List<String> RULES = List.of("D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8", "D9", "D10", "D11");
    static final List<String> PLAN_LENGTHS = List.of("<1y", "1-2y", ">2y");
    static final List<String> AGE_BUCKETS = List.of("0-7d", "8-30d", "31-90d", ">90d");

    /**
     * Each child of the partnership now (after transfers) with its latest completed assessment, unless a closure
     * dated on or after that assessment (and not superseded by a correction) has closed its case.
     */
    private static final String OPEN_CHILDREN = "with latest as ("
            + " select distinct on (a.child_ref) a.child_ref, a.primary_category, a.threshold_level, a.completed_on"
            + " from dashboard_assessment a join dashboard_child c on c.child_ref = a.child_ref and c.partnership = :partnership"
            + " order by a.child_ref, a.completed_on desc, a.completed_at desc, a.version desc)"
            + " select %s, count(*) from latest l where not exists (select 1 from dashboard_case_closure x"
            + "   where x.child_ref = l.child_ref and x.closed_on >= l.completed_on"
            + "   and not exists (select 1 from dashboard_chronology_entry s where s.supersedes = x.closure_id))"
            + " group by 1";

    @Inject
    EntityManager em;

    public Map<String, Long> childrenByCategory(String partnership) {
        Map<String, Long> counts = zeros(CATEGORIES);
        rows(OPEN_CHILDREN.formatted("l.primary_category"), partnership)
                .forEach(row -> counts.put((String) row[0], count(row[1])));
        return counts;
    }

    public Map<String, Long> childrenByLevel(String partnership) {
        Map<String, Long> counts = zeros(List.of("1", "2", "3", "4"));
        rows(OPEN_CHILDREN.formatted("l.threshold_level"), partnership)
                .forEach(row -> counts.put(String.valueOf(row[0]), count(row[1])));
        return counts;
    }

    /** Up and down changes per bucket start (Monday of the week, or the 1st of the month), from threshold.changed. */
    public Map<LocalDate, long[]> levelChanges(String partnership, LocalDate from, LocalDate to, Interval interval) {
        Map<LocalDate, long[]> buckets = new LinkedHashMap<>();
        for (LocalDate start = interval.startOf(from); !start.isAfter(to); start = interval.next(start)) {
            buckets.put(start, new long[2]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select cast(date_trunc(:unit, cast(changed_on as timestamp)) as date),"
                + " count(*) filter (where to_level > from_level), count(*) filter (where to_level < from_level)"
                + " from dashboard_level_change where partnership = :partnership and changed_on between :from and :to"
                + " group by 1")
                .setParameter("unit", interval.unit()).setParameter("partnership", partnership)
                .setParameter("from", from).setParameter("to", to).getResultList();
        for (Object[] row : rows) {
            long[] bucket = buckets.get(date(row[0]));
            if (bucket != null) {
                bucket[0] = count(row[1]);
                bucket[1] = count(row[2]);
            }
        }
        return buckets;
    }

    public DashboardViews.DriftAlerts driftAlerts(String partnership, LocalDate today) {
        Map<String, Long> byRule = zeros(RULES);
        Map<String, Long> byAge = zeros(AGE_BUCKETS);
        long open = 0;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select rule, case when :today - detected_on <= 7 then '0-7d'"
                + " when :today - detected_on <= 30 then '8-30d' when :today - detected_on <= 90 then '31-90d' else '>90d' end,"
                + " count(*) from dashboard_drift_alert where partnership = :partnership and cleared_on is null group by 1, 2")
                .setParameter("today", today).setParameter("partnership", partnership).getResultList();
        for (Object[] row : rows) {
            long n = count(row[2]);
            byRule.merge((String) row[0], n, Long::sum);
            byAge.merge((String) row[1], n, Long::sum);
            open += n;
        }
        return new DashboardViews.DriftAlerts(partnership, asOf(), open, byRule, byAge);
    }

    /**
     * Children now in the partnership (after transfers) on an open child protection plan for neglect, by how long
     * it has lasted today: under a year, one to two years, over two years (D11's default limit).
     */
    public DashboardViews.NeglectPlans neglectPlans(String partnership, LocalDate today) {
        Map<String, Long> byLength = zeros(PLAN_LENGTHS);
        long open = 0;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select case when p.start_date > cast(:today as date) - interval '1 year' then '<1y'"
                + " when p.start_date >= cast(:today as date) - interval '2 years' then '1-2y' else '>2y' end, count(distinct p.child_ref)"
                + " from dashboard_neglect_plan p join dashboard_child c on c.child_ref = p.child_ref and c.partnership = :partnership"
                + " where p.end_date is null or p.end_date > :today group by 1")
                .setParameter("today", today).setParameter("partnership", partnership).getResultList();
        for (Object[] row : rows) {
            byLength.put((String) row[0], count(row[1]));
            open += count(row[1]);
        }
        return new DashboardViews.NeglectPlans(partnership, asOf(), open, byLength);
    }

    /** Overdue: open, and today is past the current stage's deadline (its last working day). */
    public DashboardViews.Escalations escalations(String partnership, LocalDate today) {
        Map<String, Long> byStage = zeros(List.of("1", "2", "3", "4"));
        long open = 0;
        long overdue = 0;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select stage, count(*), count(*) filter (where deadline < :today)"
                + " from dashboard_escalation where partnership = :partnership and resolved_on is null group by 1")
                .setParameter("today", today).setParameter("partnership", partnership).getResultList();
        for (Object[] row : rows) {
            byStage.put(String.valueOf(row[0]), count(row[1]));
            open += count(row[1]);
            overdue += count(row[2]);
        }
        return new DashboardViews.Escalations(partnership, asOf(), open, byStage, overdue);
    }

    /**
     * The partnership's newest published edition. OVERDUE after its review date (or once the toolkit service said
     * so), DUE once the toolkit service sent its due notice (its notice period is its own configuration).
     */
    public Optional<DashboardViews.ToolkitReview> toolkitReview(String partnership, LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select family, version, published_at, review_due_on, due_notice,"
                + " overdue_notice from dashboard_toolkit_edition where partnership = :partnership"
                + " order by published_at desc limit 1")
                .setParameter("partnership", partnership).getResultList();
        return rows.stream().findFirst().map(row -> {
            LocalDate reviewDueOn = date(row[3]);
            String status = Boolean.TRUE.equals(row[5]) || today.isAfter(reviewDueOn) ? "OVERDUE"
                    : Boolean.TRUE.equals(row[4]) ? "DUE" : "CURRENT";
            return new DashboardViews.ToolkitReview(partnership, (String) row[0], (String) row[1], instant(row[2]),
                    reviewDueOn, status);
        });
    }

    /** Completed assessments (latest version of each) each agency contributed to. */
    public Map<String, Long> assessmentContributions(String partnership) {
        return agencyCounts("select agency, count(*) from (select distinct on (series_id) contributing_agencies"
                + " from dashboard_assessment where partnership = :partnership order by series_id, version desc) latest,"
                + " unnest(latest.contributing_agencies) agency group by 1 order by 1", partnership);
    }

    /** Chronology entries each agency recorded, not counting entries a later correction superseded. */
    public Map<String, Long> chronologyEntries(String partnership) {
        return agencyCounts("select e.agency, count(*) from dashboard_chronology_entry e where e.partnership = :partnership"
                + " and not exists (select 1 from dashboard_chronology_entry s where s.supersedes = e.entry_id)"
                + " group by 1 order by 1", partnership);
    }

    static OffsetDateTime asOf() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private Map<String, Long> agencyCounts(String sql, String partnership) {
        Map<String, Long> counts = new LinkedHashMap<>();
        rows(sql, partnership).forEach(row -> counts.put((String) row[0], count(row[1])));
        return counts;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, String partnership) {
        return em.createNativeQuery(sql).setParameter("partnership", partnership).getResultList();
    }

    private static Map<String, Long> zeros(List<String> keys) {
        Map<String, Long> counts = new LinkedHashMap<>();
        keys.forEach(key -> counts.put(key, 0L));
        return counts;
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
    }

    private static OffsetDateTime instant(Object value) {
        if (value instanceof java.time.Instant at) {
            return at.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp at) {
            return at.toInstant().atOffset(ZoneOffset.UTC);
        }
        return ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
