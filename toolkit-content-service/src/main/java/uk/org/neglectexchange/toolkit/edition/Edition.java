package uk.org.neglectexchange.toolkit.edition;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "toolkit_edition")
public class Edition extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public ToolkitFamily family;

    public String version;

    @Enumerated(EnumType.STRING)
    public EditionStatus status;

    /**
     * {@link EditionContent} as JSON: read and written through the application's ObjectMapper. Loaded only when read:
     * a revalidation (304) needs the id and status, not these 43 kB (docs/performance.md, P8).
     */
    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.JSON)
    public String content;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "published_by")
    public String publishedBy;

    @Column(name = "review_due_on")
    public LocalDate reviewDueOn;

    @Column(name = "superseded_at")
    public OffsetDateTime supersededAt;

    public static List<Edition> ofFamily(ToolkitFamily family) {
        return list("family", family);
    }

    public static Optional<Edition> find(ToolkitFamily family, String version) {
        return find("family = ?1 and version = ?2", family, version).firstResultOptional();
    }

    public static Optional<Edition> current(ToolkitFamily family) {
        return find("family = ?1 and status = ?2", family, EditionStatus.PUBLISHED).firstResultOptional();
    }

    public SemanticVersion semanticVersion() {
        return SemanticVersion.parse(version);
    }
}
