package uk.org.neglectexchange.assessment.retention;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What stays of an erased child: its reference, when, by whom and why; a read of it answers 410 Gone. */
@Entity
@Table(name = "child_tombstone")
public class ChildTombstone extends PanacheEntityBase {

    /** The client that erases a record at the end of its retention: the service itself. */
    public static final String SYSTEM = "assessment-service";

    @Id
    @Column(name = "child_ref")
    public String childRef;

    public String partnership;

    @Column(name = "erased_at")
    public OffsetDateTime erasedAt;

    @Column(name = "erased_by_client")
    public String erasedByClient;

    @Column(name = "erased_by_practitioner")
    public String erasedByPractitioner;

    @Enumerated(EnumType.STRING)
    @Column(name = "retention_class")
    public RetentionClass retentionClass;

    public String reason;

    @Column(name = "sharing_records_disposed_at")
    public OffsetDateTime sharingRecordsDisposedAt;

    public static boolean erased(String childRef) {
        return count("childRef", childRef) > 0;
    }
}
