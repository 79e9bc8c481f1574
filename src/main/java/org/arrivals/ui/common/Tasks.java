package org.arrivals.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a screen leaves the FX thread. Work runs on a background thread; its result comes
 * back on the FX thread. Writes (check-ins, printing, imports) run one at a time, in the order
 * asked; lookups run on their own thread so a slow printer never delays typing, and badge
 * previews on a third, so drawing one never delays the next keystroke's search. Tests use
 * {@link #sameThread()}, which runs everything at once, in order.
 */
public interface Tasks {
    /** A write: check in, print, import. One at a time, in order. */
    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** A read that must answer quickly: search, status. */
    <T> void query(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** A read that takes a while (drawing a badge preview): its own thread, so typing never waits for it. */
    <T> void render(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    void shutdown();

    static Tasks background() {
        return new Background();
    }

    static Tasks sameThread() {
        return new OneLane() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            }
        };
    }

    /** Tasks with one lane: reads and drawing go where writes go (tests, which decide when work answers). */
    abstract class OneLane implements Tasks {
        @Override
        public <T> void query(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            run(work, onSuccess, onFailure);
        }

        @Override
        public <T> void render(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            run(work, onSuccess, onFailure);
        }

        @Override
        public void shutdown() {}
    }

    final class Background implements Tasks {
        private static final Logger LOG = LoggerFactory.getLogger(Tasks.class);
        private final ExecutorService writes = Executors.newSingleThreadExecutor(r -> daemon(r, "arrivals-work"));
        private final ExecutorService reads = Executors.newSingleThreadExecutor(r -> daemon(r, "arrivals-lookup"));
        private final ExecutorService renders = Executors.newSingleThreadExecutor(r -> daemon(r, "arrivals-render"));

        private static Thread daemon(Runnable r, String name) {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        }

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            submit(writes, work, onSuccess, onFailure);
        }

        @Override
        public <T> void query(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            submit(reads, work, onSuccess, onFailure);
        }

        @Override
        public <T> void render(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            submit(renders, work, onSuccess, onFailure);
        }

        private static <T> void submit(
                ExecutorService on, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            on.execute(() -> {
                try {
                    T result = work.call();
                    Platform.runLater(() -> onSuccess.accept(result));
                } catch (Exception | Error e) {
                    LOG.warn("Background task failed", e);
                    Platform.runLater(() -> onFailure.accept(e));
                }
            });
        }

        @Override
        public void shutdown() {
            writes.shutdown();
            reads.shutdown();
            renders.shutdown();
            try {
                writes.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
