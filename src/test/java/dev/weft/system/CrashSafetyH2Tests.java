package dev.weft.system;

import java.util.Map;

/** {@link CrashSafetyTests} on the default embedded H2 file database in the data directory. */
class CrashSafetyH2Tests extends CrashSafetyTests {

    @Override
    protected Map<String, String> databaseEnvironment() {
        return Map.of(); // the default URL: jdbc:h2:file:<data dir>/db/weft;...;WRITE_DELAY=0
    }

    @Override
    protected String databaseName() {
        return "H2";
    }
}
