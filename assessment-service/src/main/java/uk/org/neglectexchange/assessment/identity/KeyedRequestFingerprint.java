package uk.org.neglectexchange.assessment.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.org.neglectexchange.platform.idempotency.RequestFingerprint;

/** Keyed, because a request here may hold an NHS number: a plain digest of it could be reversed by trying them all. */
@ApplicationScoped
public class KeyedRequestFingerprint implements RequestFingerprint {

    @Inject
    IdentityProtection protection;

    @Override
    public String of(String requestJson) {
        return protection.fingerprint("request:" + requestJson);
    }
}
