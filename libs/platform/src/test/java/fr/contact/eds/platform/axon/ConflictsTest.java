package fr.contact.eds.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.contact.eds.platform.rest.ProblemException;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

class ConflictsTest {

    @Test
    void triesAgainWhenTwoRequestsCreateTheSameAggregateAtOnce() {
        AtomicInteger calls = new AtomicInteger();

        String result = Conflicts.retried(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new AggregateStreamCreationException("patient-1 created meanwhile");
            }
            return "decided";
        });

        assertThat(result).isEqualTo("decided");
        assertThat(calls).hasValue(2);
    }

    @Test
    void triesAgainOnAConcurrentChangeWrappedByTheCommandBus() {
        AtomicInteger calls = new AtomicInteger();

        Conflicts.retried(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new CommandExecutionException("failed", new ConcurrencyException("sequence taken"));
            }
            return null;
        });

        assertThat(calls).hasValue(3);
    }

    @Test
    void answersConflictInsteadOfAServerErrorWhenItKeepsClashing() {
        assertThatThrownBy(() -> Conflicts.retried(() -> {
            throw new ConcurrencyException("sequence taken");
        })).isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(409));
    }

    @Test
    void letsEveryOtherFailureThrough() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> Conflicts.retried(() -> {
            calls.incrementAndGet();
            throw new IllegalStateException("not a conflict");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(calls).hasValue(1);
    }
}
