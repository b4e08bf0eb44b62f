package uk.org.neglectexchange.assessment.child;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import uk.org.neglectexchange.assessment.identity.IdentityConfig;
import uk.org.neglectexchange.assessment.identity.IdentityCipher;
import uk.org.neglectexchange.assessment.identity.IdentityProtection;
import uk.org.neglectexchange.assessment.identity.NhsNumber;
import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests.Applied;
import uk.org.neglectexchange.platform.outbox.Outbox;
import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * Records an unborn baby's birth: the date of birth (and NHS number, given name) join the encrypted identity, the
 * expected date stays, and from then on the child's age band follows the date of birth, so later assessments use
 * that band's indicators. The pre-birth chronology and assessments are untouched.
 */
@ApplicationScoped
public class BirthService {

    /** What an Idempotency-Key is checked against: the child and the birth. */
    private record Request(String operation, String childRef, NewBirth birth) {
    }

    @Inject
    ChildService children;

    @Inject
    Caller caller;

    @Inject
    IdentityProtection protection;

    @Inject
    IdentityConfig identityConfig;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional
    public ChildView record(String childRef, NewBirth birth, String idempotencyKey) {
        Child child = children.visibleChild(childRef);
        BirthRule.requireRecorder(caller.agency(), child.leadAgency);
        return idempotency.once(idempotencyKey, new Request("birth", childRef, birth), previous -> children.view(child), () -> {
            recordOnce(child, birth);
            return Applied.withStatus(200, child.childRef, children.view(child));
        });
    }

    private void recordOnce(Child child, NewBirth birth) {
        // one birth of a child at a time: the second finds the first recorded
        Child.getEntityManager().lock(child, LockModeType.PESSIMISTIC_WRITE);
        ChildIdentity identity = ChildIdentity.findById(child.childRef);
        IdentityCipher cipher = protection.of(child.childRef);
        LocalDate expected = ChildService.parseDate(cipher.decrypt(identity.expectedDateOfBirth));
        BirthRule.requireRegisteredUnborn(expected);
        LocalDate today = LocalDate.now(clock);
        var breaches = BirthRule.breaches(birth, expected, today, identityConfig.allowTestNhsNumbers());
        if (!breaches.isEmpty()) {
            throw ProblemException.unprocessable(breaches);
        }
        Optional<NhsNumber> nhsNumber = Optional.ofNullable(birth.nhsNumber())
                .map(n -> NhsNumber.parse(n, identityConfig.allowTestNhsNumbers()));
        List<String> nhsHashes = nhsNumber.map(n -> protection.matchingHashes("nhs:" + n.digits())).orElse(List.of());
        String givenName = birth.givenName() == null || birth.givenName().isBlank() ? null : birth.givenName().strip();
        LocalDate recorded = ChildService.parseDate(cipher.decrypt(identity.dateOfBirth));
        if (recorded != null) {
            BirthRule.refuseDifferentSecondBirth(recorded.equals(birth.dateOfBirth())
                    && (nhsHashes.isEmpty() || nhsHashes.contains(identity.nhsNumberHash))
                    && (givenName == null || givenName.equals(cipher.decrypt(identity.givenName))));
            return;
        }
        if (!nhsHashes.isEmpty()) {
            // the registration of the same NHS number waits for this, and this for it
            children.lockOn(nhsHashes);
            BirthRule.refuseOtherNhsNumber(identity.nhsNumberHash, nhsHashes);
            ChildIdentity.byNhsNumberHash(nhsHashes).filter(other -> !other.childRef.equals(child.childRef))
                    .ifPresent(other -> BirthRule.refuseNhsNumberOfAnotherChild(Child.findById(other.childRef), child.partnership));
            identity.nhsNumberHash = nhsHashes.getFirst();
            identity.nhsNumber = cipher.encrypt(nhsNumber.get().digits());
        }
        if (givenName != null) {
            identity.givenName = cipher.encrypt(givenName);
        }
        identity.dateOfBirth = cipher.encrypt(birth.dateOfBirth().toString());
        // a later registration by names and date of birth finds this child, as it found the unborn baby by the due date
        identity.nameAndDateHash = protection.matchingHash(ChildRegistrationRule.nameAndDateKey(new NewChild(null,
                cipher.decrypt(identity.givenName), cipher.decrypt(identity.familyName), birth.dateOfBirth(), null, null)));
        outbox.append(ChildEvents.BORN, child.childRef, child.childRef, child.partnership,
                new ChildEvents.Born(child.childRef, child.partnership, child.leadAgency, AgeBand.of(birth.dateOfBirth(), today),
                        caller.agency(), OffsetDateTime.now(clock)));
    }
}
