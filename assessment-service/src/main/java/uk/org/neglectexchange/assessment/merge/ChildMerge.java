package uk.org.neglectexchange.assessment.merge;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** A duplicate record merged into the surviving one: who, when, why, and what moved. */
@Entity
@Table(name = "child_merge")
public class ChildMerge extends PanacheEntityBase {

    @Id
    @Column(name = "merged_ref")
    public String mergedRef;

    @Column(name = "surviving_ref")
    public String survivingRef;

    public String partnership;

    public String reason;

    @Column(name = "merged_at")
    public OffsetDateTime mergedAt;

    @Column(name = "merged_by_client")
    public String mergedByClient;

    @Column(name = "merged_by_agency")
    public String mergedByAgency;

    @Column(name = "merged_by_practitioner")
    public String mergedByPractitioner;

    @Column(name = "chronology_entries")
    public int chronologyEntries;

    public int assessments;

    @Column(name = "level_changes")
    public int levelChanges;

    @Column(name = "household_links")
    public int householdLinks;

    public static List<ChildMerge> into(String survivingRef) {
        return list("survivingRef", Sort.by("mergedAt"), survivingRef);
    }
}
