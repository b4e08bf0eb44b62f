package uk.org.neglectexchange.assessment.child;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Who the child is, only ever encrypted; the hashes let a registration find the child again. */
@Entity
@Table(name = "child_identity")
public class ChildIdentity extends PanacheEntityBase {

    @Id
    @Column(name = "child_ref")
    public String childRef;

    @Column(name = "nhs_number_hash")
    public String nhsNumberHash;

    @Column(name = "name_and_date_hash")
    public String nameAndDateHash;

    @Column(name = "nhs_number_enc")
    public String nhsNumber;

    @Column(name = "given_name_enc")
    public String givenName;

    @Column(name = "family_name_enc")
    public String familyName;

    @Column(name = "date_of_birth_enc")
    public String dateOfBirth;

    @Column(name = "expected_date_of_birth_enc")
    public String expectedDateOfBirth;

    /** By any of the hashes (one per configured matching key: during a rotation a row may still have an older one). */
    public static Optional<ChildIdentity> byNhsNumberHash(List<String> hashes) {
        return find("nhsNumberHash in ?1", hashes).firstResultOptional();
    }

    public static List<ChildIdentity> byNameAndDateHash(List<String> hashes) {
        return list("nameAndDateHash in ?1", hashes);
    }
}
