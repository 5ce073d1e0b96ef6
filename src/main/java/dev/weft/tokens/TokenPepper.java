package dev.weft.tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The pepper keying every token digest. From {@code weft.tokens.pepper} (env {@code WEFT_TOKEN_PEPPER},
 * base64, at least 32 bytes) when set; otherwise generated on first start into
 * {@code <data-dir>/secrets/token-pepper}, readable by the owner only. Never stored in the database.
 */
@Component
class TokenPepper {

    private final byte[] bytes;

    TokenPepper(TokenProperties properties, @Value("${weft.data-dir}") String dataDir) {
        this.bytes = properties.pepper() != null && !properties.pepper().isBlank()
                ? decode(properties.pepper())
                : loadOrCreate(Path.of(dataDir, "secrets", "token-pepper"));
    }

    byte[] bytes() {
        return bytes.clone();
    }

    private static byte[] decode(String base64) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("weft.tokens.pepper must be base64");
        }
        if (decoded.length < 32) {
            throw new IllegalStateException("weft.tokens.pepper must hold at least 32 bytes");
        }
        return decoded;
    }

    private static byte[] loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file));
            }
            Files.createDirectories(file.getParent());
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("rwx------"));
            }
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Path tmp = file.resolveSibling("token-pepper.tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, posixOwnerOnly(file));
            Files.writeString(tmp, Base64.getEncoder().encodeToString(fresh), StandardOpenOption.WRITE);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the token pepper at " + file, e);
        }
    }

    private static FileAttribute<?>[] posixOwnerOnly(Path file) {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
            };
        }
        return new FileAttribute<?>[0];
    }
}
