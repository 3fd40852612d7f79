package dev.veritas.testing;

/** What a test class's {@code @AfterAll} does with the fixtures its {@code @BeforeAll} may have started only in part. */
public final class Cleanup {
    private Cleanup() {}

    /**
     * Closes each fixture that was started (the nulls were not), in the order given, every one of them even when an
     * earlier one fails; the first failure is thrown at the end, with the later ones suppressed in it.
     */
    public static void closeAll(AutoCloseable... fixtures) throws Exception {
        Exception first = null;
        for (AutoCloseable f : fixtures) {
            if (f == null) {
                continue;
            }
            try {
                f.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
