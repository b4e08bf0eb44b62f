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


import uk.org.neglectexchange.assessment.identity.IdentityCipher;
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
        List<String> nhsHashes = nhsNumber.map(n -> protection.matchingHashes("nhs:" + n.digits())).orElse(List.of());
        List<String> nameAndDateHashes = protection.matchingHashes(ChildRegistrationRule.nameAndDateKey(request));
        // one registration of the same identity at a time, so two agencies registering at once get one child
        lockOn(nhsHashes.isEmpty() ? nameAndDateHashes : nhsHashes);

        Optional<ChildIdentity> match = match(nhsHashes, nameAndDateHashes);
        String nhsHash = nhsHashes.isEmpty() ? null : nhsHashes.getFirst();
        Registration registration;
        if (match.isPresent()) {
            Child child = Child.findById(match.get().childRef);
            if (!child.partnership.equals(partnership)) {
                throw ProblemException.conflict("This child is registered with another partnership: ask it to transfer the record");
            }
            if (nhsHash != null && match.get().nhsNumberHash == null) {
                match.get().nhsNumberHash = nhsHash;
                match.get().nhsNumber = protection.of(match.get().childRef).encrypt(nhsNumber.get().digits());
            }
            registration = new Registration(child, false);
        } else {
            registration = new Registration(create(request, partnership, nhsNumber, nhsHash, nameAndDateHashes.getFirst()), true);
        }
        return registration;
    }

    /** The caller's partnership's child, or 404 for anyone else's: another partnership cannot tell it exists. */
    public Child visibleChild(String childRef) {
        return Child.ofPartnership(childRef, caller.partnership());
    }

    /**
     * The child's age band today (PRE_BIRTH for an unborn baby), from the encrypted date of birth.
     * @throws uk.org.neglectexchange.assessment.identity.IdentityErased (410) once the child's record is erased
     */
    public AgeBand ageBand(Child child) {
        ChildIdentity identity = ChildIdentity.findById(child.childRef);
        IdentityCipher cipher = protection.of(child.childRef);
        LocalDate dateOfBirth = parseDate(cipher.decrypt(identity.dateOfBirth));
        cipher.requireNotErased();
        return AgeBand.of(dateOfBirth, today());
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
        IdentityCipher cipher = protection.of(child.childRef);
        LocalDate dateOfBirth = parseDate(cipher.decrypt(identity.dateOfBirth));
        ChildView.Identity shown = caller.hasRole("identity-read")
                ? new ChildView.Identity(cipher.decrypt(identity.nhsNumber), cipher.decrypt(identity.givenName),
                        cipher.decrypt(identity.familyName), dateOfBirth, parseDate(cipher.decrypt(identity.expectedDateOfBirth)))
                : null;
        cipher.requireNotErased();
        return new ChildView(child.childRef, child.partnership, child.leadAgency, AgeBand.of(dateOfBirth, today()),
                dateOfBirth == null, child.registeredAt, shown);
    }

    private Optional<ChildIdentity> match(List<String> nhsHashes, List<String> nameAndDateHashes) {
        if (!nhsHashes.isEmpty()) {
            Optional<ChildIdentity> byNhs = ChildIdentity.byNhsNumberHash(nhsHashes);
            if (byNhs.isPresent()) {
                return byNhs;
            }
        }
        List<ChildIdentity> byName = ChildIdentity.byNameAndDateHash(nameAndDateHashes).stream()
                // a duplicate merged away still matches its names and date: the child's record is the surviving one
                .map(ChildService::survivingIdentity).distinct()
                // a child with another NHS number is another child, however alike the names
                .filter(candidate -> nhsHashes.isEmpty() || candidate.nhsNumberHash == null).toList();
        if (byName.size() > 1) {
            throw ProblemException.conflict("More than one child matches these names and date: give the NHS number");
        }
        return byName.stream().findFirst();
    }

    private static ChildIdentity survivingIdentity(ChildIdentity identity) {
        Child child = Child.findById(identity.childRef);
        return child.mergedInto == null ? identity : ChildIdentity.findById(child.mergedInto);
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
        IdentityCipher cipher = protection.of(child.childRef);
        identity.nhsNumber = nhsNumber.map(n -> cipher.encrypt(n.digits())).orElse(null);
        identity.givenName = cipher.encrypt(blankToNull(request.givenName()));
        identity.familyName = cipher.encrypt(request.familyName().strip());
        identity.dateOfBirth = cipher.encrypt(request.dateOfBirth() == null ? null : request.dateOfBirth().toString());
        identity.expectedDateOfBirth = cipher.encrypt(
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

    /**
     * Serialises work on one identity (a registration, a birth) by its matching hashes: all of them, in one order,
     * so replicas writing with different current matching keys during a rotation still wait for each other.
     */
    void lockOn(List<String> hashes) {
        hashes.stream().sorted().forEach(hash -> em.createNativeQuery(
                "select 1 from (select pg_advisory_xact_lock(hashtext(:h))) as locked").setParameter("h", hash).getSingleResult());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    static LocalDate parseDate(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
