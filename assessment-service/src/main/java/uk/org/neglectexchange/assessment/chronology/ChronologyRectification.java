package uk.org.neglectexchange.assessment.chronology;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An entry recorded against the wrong child, hidden from every reader but the data protection officer (V30). */
@Entity
@Table(name = "chronology_rectification")
public class ChronologyRectification extends PanacheEntityBase {

    @Id
    @Column(name = "entry_id")
    public UUID entryId;

    /** The rectifying agency: CHILDRENS_SERVICES or DATA_PROTECTION. */
    public String agency;

    @Column(name = "client_id")
    public String clientId;

    public String reason;

    @Column(name = "rectified_at")
    public OffsetDateTime rectifiedAt;
}
