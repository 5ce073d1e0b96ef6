package dev.weft.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcAccountRepository implements AccountRepository {

    private static final String USER_COLUMNS = "u.id, u.email, u.first_name, u.last_name, u.created_at";

    private final JdbcClient jdbc;

    JdbcAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insertUser(User user, String passwordHash) {
        try {
            jdbc.sql("""
                    insert into users (id, email, password_hash, first_name, last_name, created_at)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(user.id(), user.email(), passwordHash, user.firstName(), user.lastName(),
                            Timestamp.from(user.createdAt()))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Optional<User> findUser(String id) {
        return jdbc.sql("select " + USER_COLUMNS + " from users u where u.id = ?")
                .param(id)
                .query((rs, n) -> user(rs))
                .optional();
    }

    @Override
    public Optional<StoredCredentials> findCredentials(String email) {
        return jdbc.sql("select " + USER_COLUMNS + ", u.password_hash from users u where u.email = ?")
                .param(email)
                .query((rs, n) -> new StoredCredentials(user(rs), rs.getString("password_hash")))
                .optional();
    }

    @Override
    public void insertWorkspace(Workspace workspace) {
        jdbc.sql("insert into workspaces (id, name, created_at) values (?, ?, ?)")
                .params(workspace.id(), workspace.name(), Timestamp.from(workspace.createdAt()))
                .update();
    }

    @Override
    public Optional<Workspace> findWorkspace(String id) {
        return jdbc.sql("select id, name, created_at from workspaces where id = ?")
                .param(id)
                .query((rs, n) -> workspace(rs))
                .optional();
    }

    @Override
    public void upsertMember(String workspaceId, String userId, Role role, Instant at) {
        int updated = jdbc.sql("update workspace_members set role = ? where workspace_id = ? and user_id = ?")
                .params(role.value(), workspaceId, userId)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into workspace_members (workspace_id, user_id, role, created_at) values (?, ?, ?, ?)")
                    .params(workspaceId, userId, role.value(), Timestamp.from(at))
                    .update();
        }
    }

    @Override
    public Optional<Role> role(String workspaceId, String userId) {
        return jdbc.sql("select role from workspace_members where workspace_id = ? and user_id = ?")
                .params(workspaceId, userId)
                .query((rs, n) -> Role.of(rs.getString(1)))
                .optional();
    }

    @Override
    public List<Membership> memberships(String userId) {
        return jdbc.sql("""
                select w.id, w.name, w.created_at, m.role
                from workspace_members m join workspaces w on w.id = m.workspace_id
                where m.user_id = ? order by w.created_at, w.id""")
                .param(userId)
                .query((rs, n) -> new Membership(workspace(rs), Role.of(rs.getString("role"))))
                .list();
    }

    @Override
    public List<Member> members(String workspaceId) {
        return jdbc.sql("select " + USER_COLUMNS + ", m.role from workspace_members m join users u on u.id = m.user_id"
                        + " where m.workspace_id = ? order by m.created_at, u.email")
                .param(workspaceId)
                .query((rs, n) -> new Member(user(rs), Role.of(rs.getString("role"))))
                .list();
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getString("id"), rs.getString("email"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getTimestamp("created_at").toInstant());
    }

    private static Workspace workspace(ResultSet rs) throws SQLException {
        return new Workspace(rs.getString("id"), rs.getString("name"), rs.getTimestamp("created_at").toInstant());
    }
}
