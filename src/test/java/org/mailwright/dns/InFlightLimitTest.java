package org.mailwright.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InFlightLimitTest {

    @Test
    void neverMoreThanTheLimitRunAndEveryTaskRunsInTheEnd() throws InterruptedException {
        InFlightLimit limit = new InFlightLimit(3);
        ExecutorService executor = Executors.newCachedThreadPool();
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        List<CompletableFuture<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int number = i;
            tasks.add(limit.submit(() -> {
                most.accumulateAndGet(now.incrementAndGet(), Math::max);
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                now.decrementAndGet();
                return number;
            }, executor));
        }
        Thread.sleep(100);
        assertEquals(3, limit.running());
        release.countDown();
        for (int i = 0; i < 20; i++) {
            assertEquals(i, tasks.get(i).join());
        }
        assertEquals(3, most.get());
        assertEquals(0, limit.running());
        executor.shutdownNow();
    }

    @Test
    void aShutDownExecutorFailsTheTaskAndFreesItsPlace() {
        InFlightLimit limit = new InFlightLimit(1);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        executor.shutdownNow();

        CompletableFuture<String> refused = limit.submit(() -> "never", executor);

        assertThrows(CompletionException.class, refused::join);
        assertEquals(0, limit.running());
        ExecutorService working = Executors.newSingleThreadExecutor();
        assertTrue(limit.submit(() -> "ran", working).join().equals("ran"));
        working.shutdownNow();
    }
}
