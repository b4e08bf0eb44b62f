package uk.org.neglectexchange.gateway.privacy;

import java.net.http.HttpResponse;

/**
 * The platform's {@link uk.org.neglectexchange.platform.testsupport.privacy.PrivacyScanCapture} (which
 * META-INF/services registers) under the name the suite (gateway/src/test/.../suite) still imports; the gateway's own
 * tests use the platform's. Goes when the suite has moved to system-tests.
 */
public final class PrivacyScanCapture {

    private PrivacyScanCapture() {
    }

    public static void recordSent(Object body) {
        uk.org.neglectexchange.platform.testsupport.privacy.PrivacyScanCapture.recordSent(body);
    }

    public static void recordError(String request, int status, String body) {
        uk.org.neglectexchange.platform.testsupport.privacy.PrivacyScanCapture.recordError(request, status, body);
    }

    public static <T> HttpResponse<T> received(HttpResponse<T> response) {
        return uk.org.neglectexchange.platform.testsupport.privacy.PrivacyScanCapture.received(response);
    }
}
