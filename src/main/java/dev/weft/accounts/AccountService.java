package dev.weft.accounts;

import dev.weft.system.Ids;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sign-up, workspaces and membership roles. */
@Service
public class AccountService {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;

    AccountService(AccountRepository accounts, PasswordEncoder passwords, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** A sign-up request as typed into the form. */
    public record SignUp(String email, String password, String name) {}

    /** Creates the user and their personal workspace, of which they are the owner. */
    @Transactional
    public User signUp(SignUp request) {
        String email = normalizeEmail(request.email());
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new AccountException("Enter your name (at most 200 characters).");
        }
        checkPassword(request.password());
        String[] parts = name.split("\\s+", 2);
        User user = new User(Ids.objectId(), email, truncate(parts[0]), parts.length > 1 ? truncate(parts[1]) : "", now());
        if (!accounts.insertUser(user, passwords.encode(request.password()))) {
            throw new AccountException("An account with this email already exists. Log in instead.");
        }
        createWorkspace(user.id(), user.firstName() + "'s Workspace");
        return user;
    }

    /** A new workspace owned by {@code userId}. */
    @Transactional
    public Workspace createWorkspace(String userId, String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw new AccountException("A workspace needs a name of 1 to 100 characters.");
        }
        Workspace workspace = new Workspace(Ids.objectId(), trimmed, now());
        accounts.insertWorkspace(workspace);
        accounts.upsertMember(workspace.id(), userId, Role.OWNER, workspace.createdAt());
        return workspace;
    }

    /**
     * Adds an existing user to a workspace, or changes their role. Owners and admins may add members and
     * admins; only owners may make owners.
     */
    @Transactional
    public void addMember(String actorId, String workspaceId, String email, Role role) {
        Role actorRole = roleIn(actorId, workspaceId)
                .filter(Role::administersSites)
                .orElseThrow(() -> new AccountException("Only owners and admins can add members."));
        if (role == Role.OWNER && actorRole != Role.OWNER) {
            throw new AccountException("Only owners can add owners.");
        }
        User user = accounts.findCredentials(normalizeEmail(email))
                .map(AccountRepository.StoredCredentials::user)
                .orElseThrow(() -> new AccountException("No Weft account uses that email."));
        accounts.upsertMember(workspaceId, user.id(), role, now());
    }

    public Optional<User> user(String id) {
        return accounts.findUser(id);
    }

    public Optional<Workspace> workspace(String id) {
        return accounts.findWorkspace(id);
    }

    public Optional<Role> roleIn(String userId, String workspaceId) {
        return accounts.role(workspaceId, userId);
    }

    public List<Membership> memberships(String userId) {
        return accounts.memberships(userId);
    }

    public List<Member> members(String workspaceId) {
        return accounts.members(workspaceId);
    }

    Optional<AccountRepository.StoredCredentials> credentials(String email) {
        return accounts.findCredentials(normalizeEmail(email));
    }

    static String normalizeEmail(String email) {
        String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (e.length() > 320 || !EMAIL.matcher(e).matches()) {
            throw new AccountException("Enter a valid email address.");
        }
        return e;
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < 8) {
            throw new AccountException("Choose a password of at least 8 characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            throw new AccountException("Choose a password of at most 72 bytes.");
        }
    }

    private static String truncate(String s) {
        return s.length() > 100 ? s.substring(0, 100) : s;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
