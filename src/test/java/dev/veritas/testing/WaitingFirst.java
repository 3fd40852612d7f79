package dev.veritas.testing;

import java.lang.annotation.Annotation;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Orders test classes so that those which wait the longest start first: a class marked with more of {@link Slow},
 * {@link NeedsChromium} and {@link NeedsPostgres} comes before one with fewer (the cluster test, with all three, first),
 * and classes marked alike keep their name order.
 *
 * <p>With classes running in parallel (junit-platform.properties), JUnit's other threads take classes from the front
 * of this order and its first thread works from the back: the long, mostly idle classes start at once side by side
 * and the short CPU-bound ones fill the time around them, instead of a long class starting late and running alone.
 */
public final class WaitingFirst implements ClassOrderer {
    private static final List<Class<? extends Annotation>> WAITING = List.of(Slow.class, NeedsChromium.class, NeedsPostgres.class);

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparingLong(WaitingFirst::waiting).reversed()
                .thenComparing(d -> d.getTestClass().getName()));
    }

    private static long waiting(ClassDescriptor d) {
        return WAITING.stream().filter(a -> d.getTestClass().isAnnotationPresent(a)).count();
    }
}
