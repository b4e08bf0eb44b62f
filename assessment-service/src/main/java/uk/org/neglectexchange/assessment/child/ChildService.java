package uk.org.neglectexchange.assessment.child;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;


import uk.org.neglectexchange.assessment.identity.IdentityConfig;
import uk.org.neglectexchange.assessment.identity.IdentityProtection;
import uk.org.neglectexchange.assessment.identity.NhsNumber;
import uk.org.neglectexchange.assessment.sharing.InformationSharing;
import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests.Applied;
import uk.org.neglectexchange.platform.outbox.Outbox;
import uk.org.neglectexchange.platform.problem.ProblemException;

/** Registers or matches children, and reads them within the caller's partnership only. */
@ApplicationScoped
public class ChildService {

    private static final String REF_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public record Registration(Child child, boolean created) {
    }

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    IdentityProtection protection;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Outbox outbox;

    @Inject
    InformationSharing sharing;

    @Inject
    Clock clock;

    @Inject
    IdentityConfig identityConfig;

    private final SecureRandom random = new SecureRandom();

    @Transactional
    public Registration register(NewChild request, String idempotencyKey) {
        return idempotency.once(idempotencyKey, request,
                previous -> new Registration(Child.findById(previous.resourceId()), previous.status() == 201),
                () -> {
                    Registration registration = registerOnce(request);
                    return Applied.withStatus(registration.created() ? 201 : 200, registration.child().childRef, registration);
                });
    }

    private Registration registerOnce(NewChild request) {
        String partnership = request.partnership() != null ? request.partnership() : caller.partnership();
        if (!partnership.equals(caller.partnership())) {
            throw ProblemException.forbidden("Clients register children of their own partnership (" + caller.partnership() + ")");
        }
        var breaches = ChildRegistrationRule.breaches(request, today(), identityConfig.allowTestNhsNumbers());
        if (!breaches.isEmpty()) {
            throw ProblemException.unprocessable(breaches);
        }
        Optional<NhsNumber> nhsNumber = Optional.ofNullable(request.nhsNumber()).map(n -> NhsNumber.parse(n, identityConfig.allowTestNhsNumbers()));
        String nhsHash = nhsNumber.map(n -> protection.matchingHash("nhs:" + n.digits())).orElse(null);
        String nameAndDateHash = protection.matchingHash(ChildRegistrationRule.nameAndDateKey(request));
        // one registration of the same identity at a time, so two agencies registering at once get one child
        lockOn(nhsHash != null ? nhsHash : nameAndDateHash);

        Optional<ChildIdentity> match = match(nhsHash, nameAndDateHash);
        Registration registration;
        if (match.isPresent()) {
            Child child = Child.findById(match.get().childRef);
            if (!child.partnership.equals(partnership)) {
                throw ProblemException.conflict("This child is registered with another partnership: ask it to transfer the record");
            }
            if (nhsHash != null && match.get().nhsNumberHash == null) {
                match.get().nhsNumberHash = nhsHash;
                match.get().nhsNumber = protection.encrypt(nhsNumber.get().digits());
            }
            registration = new Registration(child, false);
        } else {
            registration = new Registration(create(request, partnership, nhsNumber, nhsHash, nameAndDateHash), true);
        }
        return registration;
    }

    /** The caller's partnership's child, or 404 for anyone else's: another partnership cannot tell it exists. */
    public Child visibleChild(String childRef) {
        return Child.ofPartnership(childRef, caller.partnership());
    }

    /** The child's age band today (PRE_BIRTH for an unborn baby), from the encrypted date of birth. */
    public AgeBand ageBand(Child child) {
        ChildIdentity identity = ChildIdentity.findById(child.childRef);
        return AgeBand.of(parseDate(protection.decrypt(identity.dateOfBirth)), today());
    }

    @Transactional
    public ChildView read(String childRef) {
        Child child = visibleChild(childRef);
        announceAccess(child, AccessedResource.RECORD);
        return view(child);
    }

    /**
     * A read of the record (the child, its chronology, an assessment, its household or its level history) by an agency
     * other than the lead is recorded as a share and tells the lead agency what was read.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announceAccess(Child child, AccessedResource resource) {
        if (!child.leadAgency.equals(caller.agency())) {
            sharing.recordRead(child);
            outbox.append(ChildEvents.RECORD_ACCESSED, child.childRef, child.childRef, child.partnership,
                    new ChildEvents.RecordAccessed(child.childRef, child.partnership, child.leadAgency, caller.agency(),
                            caller.clientId(), resource, caller.purpose().orElse(null), OffsetDateTime.now(clock)));
        }
    }

    public ChildView view(Child child) {
        ChildIdentity identity = ChildIdentity.findById(child.childRef);
        LocalDate dateOfBirth = parseDate(protection.decrypt(identity.dateOfBirth));
        ChildView.Identity shown = caller.hasRole("identity-read")
                ? new ChildView.Identity(protection.decrypt(identity.nhsNumber), protection.decrypt(identity.givenName),
                        protection.decrypt(identity.familyName), dateOfBirth, parseDate(protection.decrypt(identity.expectedDateOfBirth)))
                : null;
        return new ChildView(child.childRef, child.partnership, child.leadAgency, AgeBand.of(dateOfBirth, today()),
                dateOfBirth == null, child.registeredAt, shown);
    }

    private Optional<ChildIdentity> match(String nhsHash, String nameAndDateHash) {
        if (nhsHash != null) {
            Optional<ChildIdentity> byNhs = ChildIdentity.byNhsNumberHash(nhsHash);
            if (byNhs.isPresent()) {
                return byNhs;
            }
        }
        List<ChildIdentity> byName = ChildIdentity.byNameAndDateHash(nameAndDateHash).stream()
                // a child with another NHS number is another child, however alike the names
                .filter(candidate -> nhsHash == null || candidate.nhsNumberHash == null).toList();
        if (byName.size() > 1) {
            throw ProblemException.conflict("More than one child matches these names and date: give the NHS number");
        }
        return byName.stream().findFirst();
    }

    private Child create(NewChild request, String partnership, Optional<NhsNumber> nhsNumber, String nhsHash,
            String nameAndDateHash) {
        Child child = new Child();
        child.childRef = newChildRef();
        child.partnership = partnership;
        child.leadAgency = caller.agency();
        child.registeredAt = OffsetDateTime.now(clock);
        child.registeredByClient = caller.clientId();
        child.persist();
        ChildIdentity identity = new ChildIdentity();
        identity.childRef = child.childRef;
        identity.nhsNumberHash = nhsHash;
        identity.nameAndDateHash = nameAndDateHash;
        identity.nhsNumber = nhsNumber.map(n -> protection.encrypt(n.digits())).orElse(null);
        identity.givenName = protection.encrypt(blankToNull(request.givenName()));
        identity.familyName = protection.encrypt(request.familyName().strip());
        identity.dateOfBirth = protection.encrypt(request.dateOfBirth() == null ? null : request.dateOfBirth().toString());
        identity.expectedDateOfBirth = protection.encrypt(
                request.expectedDateOfBirth() == null ? null : request.expectedDateOfBirth().toString());
        identity.persist();
        outbox.append(ChildEvents.REGISTERED, child.childRef, child.childRef, partnership,
                new ChildEvents.Registered(child.childRef, partnership, child.leadAgency,
                        AgeBand.of(request.dateOfBirth(), today()), child.registeredAt));
        return child;
    }

    private String newChildRef() {
        StringBuilder ref = new StringBuilder("CH-");
        for (int i = 0; i < 10; i++) {
            ref.append(REF_ALPHABET.charAt(random.nextInt(REF_ALPHABET.length())));
        }
        return ref.toString();
    }

    private void lockOn(String hash) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(:h))) as locked")
                .setParameter("h", hash).getSingleResult();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static LocalDate parseDate(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
