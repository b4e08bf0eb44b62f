package uk.org.neglectexchange.toolkit.edition;

import java.util.function.Supplier;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * Published content never changes, so clients may keep it: an ETag per edition, status and representation, with
 * conditional GETs answered 304. A draft changes under the editor's hands and is never cached.
 */
public final class CacheableContent {

    private static final int MAX_AGE_SECONDS = 300;

    private CacheableContent() {
    }

    public static Response ok(Request request, Edition edition, boolean viaCurrent, String variant, Object body, MediaType type) {
        return ok(request, edition, viaCurrent, variant, () -> body, type);
    }

    /** The body is built only when it is sent: a revalidation (304) costs the ETag, not the representation. */
    public static Response ok(Request request, Edition edition, boolean viaCurrent, String variant, Supplier<?> body,
            MediaType type) {
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        if (edition.status == EditionStatus.DRAFT) {
            cache.setNoStore(true);
            return Response.ok(body.get(), type).cacheControl(cache).build();
        }
        // "current" may point at a newer edition tomorrow: keep it, but ask each time
        if (viaCurrent) {
            cache.setNoCache(true);
        } else {
            cache.setMaxAge(MAX_AGE_SECONDS);
        }
        EntityTag tag = new EntityTag(edition.id + "." + edition.status.name().charAt(0) + "." + variant);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.cacheControl(cache).tag(tag).build();
        }
        return Response.ok(body.get(), type).tag(tag).cacheControl(cache).build();
    }
}
