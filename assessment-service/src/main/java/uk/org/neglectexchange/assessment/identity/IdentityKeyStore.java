package uk.org.neglectexchange.assessment.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;

import uk.org.neglectexchange.assessment.identity.IdentityKeys.WrappedKey;

/**
 * The children's wrapped data keys, in their own database (datasource {@code identity-keys}, a stand-in for a KMS),
 * so the assessment database's backups never hold them: a key destroyed here leaves every copy of the child's
 * ciphertexts unreadable. Plain JDBC outside the JTA transaction: a key is created before the row it protects and
 * destroyed before the data is erased, so a rollback can only leave a key without data or data without its key.
 */
@ApplicationScoped
public class IdentityKeyStore {

    /** A data key as stored: wrapped, or destroyed (a tombstone, so a restored assessment row cannot get a new one). */
    public record StoredKey(WrappedKey key, boolean destroyed) {
    }

    @Inject
    @DataSource("identity-keys")
    AgroalDataSource keys;

    public Optional<StoredKey> find(String ownerRef) {
        try (Connection c = keys.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select master_version, wrapped_key from data_key where owner_ref = ?")) {
            s.setString(1, ownerRef);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(stored(r.getString(1), r.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("identity key store unavailable", e);
        }
    }

    /** Stores the key unless the owner already has one (or had one): then answers that. */
    public StoredKey createUnlessPresent(String ownerRef, WrappedKey key) {
        try (Connection c = keys.getConnection();
                PreparedStatement s = c.prepareStatement("insert into data_key (owner_ref, master_version, wrapped_key)"
                        + " values (?, ?, ?) on conflict (owner_ref) do nothing")) {
            s.setString(1, ownerRef);
            s.setString(2, key.version());
            s.setString(3, key.wrapped());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("identity key store unavailable", e);
        }
        return find(ownerRef).orElseThrow();
    }

    public void destroy(String ownerRef) {
        try (Connection c = keys.getConnection();
                PreparedStatement s = c.prepareStatement("insert into data_key (owner_ref, destroyed_at) values (?, now())"
                        + " on conflict (owner_ref) do update set master_version = null, wrapped_key = null,"
                        + " destroyed_at = coalesce(data_key.destroyed_at, now())")) {
            s.setString(1, ownerRef);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("identity key store unavailable", e);
        }
    }

    /**
     * Re-wraps up to {@code batch} keys not wrapped by {@code current} (rows another replica holds are skipped);
     * {@code rewrap} gets the owner and the old wrapped key. Returns how many.
     */
    public int rewrapBatch(String current, int batch, Rewrap rewrap) {
        try (Connection c = keys.getConnection()) {
            c.setAutoCommit(false);
            int done = 0;
            try (PreparedStatement select = c.prepareStatement("select owner_ref, master_version, wrapped_key from data_key"
                    + " where wrapped_key is not null and master_version <> ? order by owner_ref limit ? for update skip locked");
                    PreparedStatement update = c.prepareStatement("update data_key set master_version = ?, wrapped_key = ?,"
                            + " rewrapped_at = now() where owner_ref = ?")) {
                select.setString(1, current);
                select.setInt(2, batch);
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        WrappedKey now = rewrap.apply(r.getString(1), new WrappedKey(r.getString(2), r.getString(3)));
                        update.setString(1, now.version());
                        update.setString(2, now.wrapped());
                        update.setString(3, r.getString(1));
                        update.addBatch();
                        done++;
                    }
                }
                update.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            return done;
        } catch (SQLException e) {
            throw new IllegalStateException("identity key store unavailable", e);
        }
    }

    /** How many live keys are wrapped by another master key version than {@code current}. */
    public long behind(String current) {
        try (Connection c = keys.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select count(*) from data_key where wrapped_key is not null and master_version <> ?")) {
            s.setString(1, current);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("identity key store unavailable", e);
        }
    }

    public interface Rewrap {
        WrappedKey apply(String ownerRef, WrappedKey old);
    }

    private static StoredKey stored(String version, String wrapped) {
        return wrapped == null ? new StoredKey(null, true) : new StoredKey(new WrappedKey(version, wrapped), false);
    }
}
