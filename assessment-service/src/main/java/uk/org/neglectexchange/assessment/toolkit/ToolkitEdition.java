package uk.org.neglectexchange.assessment.toolkit;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** This service's copy of a published toolkit edition's codes. */
@Entity
@Table(name = "toolkit_edition")
@IdClass(ToolkitEdition.Key.class)
public class ToolkitEdition extends PanacheEntityBase {

    public record Key(String family, String version) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    public String family;

    @Id
    public String version;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "review_due_on")
    public LocalDate reviewDueOn;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "threshold_levels")
    public List<EditionPublished.Level> thresholdLevels;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "neglect_categories")
    public List<String> neglectCategories;

    /** Empty for editions stored before this service kept indicators. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "indicators")
    public List<EditionPublished.Indicator> indicators = List.of();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "practice_approaches")
    public List<String> practiceApproaches = List.of();

    /** Null for editions stored before this service kept the settings: the rules' defaults apply. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "partnership_settings")
    public Map<String, EditionPublished.PartnershipSettings> partnershipSettings;

    @Column(name = "source_event_id")
    public UUID sourceEventId;

    public Optional<EditionPublished.Indicator> indicator(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    /** The indicator areas of one age band's chart, in the edition's order. */
    public List<String> areas(String ageBand) {
        return indicators.stream().filter(i -> i.ageBand().equals(ageBand)).map(EditionPublished.Indicator::area)
                .distinct().toList();
    }

    /** The partnership's settings in this edition, if it gives them. */
    public Optional<EditionPublished.PartnershipSettings> settings(String partnership) {
        return Optional.ofNullable(partnershipSettings).map(s -> s.get(partnership));
    }

    public static Optional<ToolkitEdition> edition(String family, String version) {
        return findByIdOptional(new Key(family, version));
    }

    /** The family's most recently published edition that this service has heard of. */
    public static Optional<ToolkitEdition> current(String family) {
        return find("family = ?1 order by publishedAt desc", family).firstResultOptional();
    }
}
