package org.deskcrm.ui.shell;

import org.deskcrm.ui.common.Debouncer;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.search.SearchHit;
import org.deskcrm.ui.common.DeferredExecutor;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.SameThreadExecutor;
import org.deskcrm.ui.common.TaskExecutor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class GlobalSearchViewModelTest {
    private final List<String> asked = new ArrayList<>();
    private final List<Long> opened = new ArrayList<>();
    private final I18n i18n = new I18n(Locale.ENGLISH);

    private List<SearchHit> backend(String text, int limit) {
        asked.add(text);
        if (text.startsWith("ром")) {
            return List.of(SearchHit.client(1, "ООО «Ромашка»", "+79123456789"),
                    SearchHit.deal(10, 1L, "Ромашка: поставка", "ООО «Ромашка»", null));
        }
        return List.of();
    }

    /** Keeps the last scheduled action until the test lets the pause pass. */
    static final class ManualDebouncer implements Debouncer {
        Runnable pending;
        int scheduled;

        @Override
        public void schedule(Runnable action) {
            pending = action;
            scheduled++;
        }

        @Override
        public void cancel() {
            pending = null;
        }

        void elapse() {
            Runnable r = pending;
            pending = null;
            if (r != null) {
                r.run();
            }
        }
    }

    private GlobalSearchViewModel vm(TaskExecutor executor, Debouncer debouncer) {
        return new GlobalSearchViewModel(this::backend, executor, debouncer, opened::add, i18n);
    }

    @Test
    void searchesAsYouTypeAndShowsClientsThenDeals() {
        GlobalSearchViewModel vm = vm(new SameThreadExecutor(), Debouncer.immediate());
        vm.queryProperty().set("ром");
        assertThat(vm.results()).extracting(SearchHit::kind).containsExactly(SearchHit.Kind.CLIENT, SearchHit.Kind.DEAL);
        assertThat(vm.noMatchesProperty().get()).isFalse();
        assertThat(vm.isCurrent()).isTrue();
        vm.queryProperty().set("xyz");
        assertThat(vm.results()).isEmpty();
        assertThat(vm.noMatchesProperty().get()).isTrue();
    }

    @Test
    void oneLetterDoesNotSearchAndClearsOldHits() {
        GlobalSearchViewModel vm = vm(new SameThreadExecutor(), Debouncer.immediate());
        vm.queryProperty().set("ром");
        vm.queryProperty().set("р");
        assertThat(asked).containsExactly("ром");
        assertThat(vm.results()).isEmpty();
        assertThat(vm.noMatchesProperty().get()).isFalse();
    }

    @Test
    void typingQuicklySearchesOnlyWhatIsThereWhenTheTypingPauses() {
        ManualDebouncer debouncer = new ManualDebouncer();
        GlobalSearchViewModel vm = vm(new SameThreadExecutor(), debouncer);
        vm.queryProperty().set("ро");
        vm.queryProperty().set("ром");
        vm.queryProperty().set("рома");
        assertThat(asked).isEmpty();
        assertThat(debouncer.scheduled).isEqualTo(3);
        debouncer.elapse();
        assertThat(asked).containsExactly("рома");
        assertThat(vm.results()).hasSize(2);
    }

    @Test
    void aLateAnswerToAnOlderQueryIsDropped() {
        DeferredExecutor executor = new DeferredExecutor();
        GlobalSearchViewModel vm = vm(executor, Debouncer.immediate());
        vm.queryProperty().set("ром");
        vm.queryProperty().set("xyz");
        assertThat(executor.queued).hasSize(2);
        assertThat(executor.cancelled).isEqualTo(1); // typing on cancels the search in flight
        assertThat(vm.searchingProperty().get()).isTrue();
        executor.queued.get(1).run(); // the newest answer ("xyz": nothing) arrives first
        executor.queued.get(0).run(); // then the stale answer for "ром"
        assertThat(vm.results()).isEmpty();
        assertThat(vm.noMatchesProperty().get()).isTrue();
        assertThat(vm.searchingProperty().get()).isFalse();
    }

    @Test
    void enterOpensTheFirstHitsClientAndClearsTheField() {
        GlobalSearchViewModel vm = vm(new SameThreadExecutor(), Debouncer.immediate());
        vm.queryProperty().set("ром");
        vm.activate();
        assertThat(opened).containsExactly(1L);
        assertThat(vm.queryProperty().get()).isEmpty();
        assertThat(vm.results()).isEmpty();
    }

    @Test
    void enterBeforeThePauseSearchesAtOnceAndOpensWhenTheAnswerComes() {
        ManualDebouncer debouncer = new ManualDebouncer();
        DeferredExecutor executor = new DeferredExecutor();
        GlobalSearchViewModel vm = vm(executor, debouncer);
        vm.queryProperty().set("ром");
        vm.activate();
        assertThat(debouncer.pending).isNull();
        assertThat(executor.queued).hasSize(1);
        assertThat(opened).isEmpty();
        executor.queued.get(0).run();
        assertThat(opened).containsExactly(1L);
    }

    @Test
    void openingADealOpensItsClient() {
        GlobalSearchViewModel vm = vm(new SameThreadExecutor(), Debouncer.immediate());
        vm.queryProperty().set("ром");
        vm.open(vm.results().get(1));
        assertThat(opened).containsExactly(1L);
    }

    @Test
    void aFailedSearchShowsALocalizedMessage() {
        GlobalSearchViewModel vm = new GlobalSearchViewModel((t, l) -> {
            throw new AppException("error.unexpected", "DB");
        }, new SameThreadExecutor(), Debouncer.immediate(), opened::add, i18n);
        vm.queryProperty().set("ром");
        assertThat(vm.errorProperty().get()).startsWith("Something went wrong (DB)");
        assertThat(vm.results()).isEmpty();
        vm.queryProperty().set("");
        assertThat(vm.errorProperty().get()).isNull();
    }
}
