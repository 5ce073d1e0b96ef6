package dev.weft.accounts;

import java.util.List;
import java.util.Optional;

/** Storage of users, workspaces and memberships. */
public interface AccountRepository {

    /** A stored user with the password hash, for login only. */
    record StoredCredentials(User user, String passwordHash) {}

    boolean insertUser(User user, String passwordHash);

    Optional<User> findUser(String id);

    Optional<StoredCredentials> findCredentials(String email);

    void insertWorkspace(Workspace workspace);

    Optional<Workspace> findWorkspace(String id);

    void upsertMember(String workspaceId, String userId, Role role, java.time.Instant at);

    Optional<Role> role(String workspaceId, String userId);

    List<Membership> memberships(String userId);

    List<Member> members(String workspaceId);
}
