package org.testfarm.state;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.testfarm.literal.PyTuple;

import static org.assertj.core.api.Assertions.assertThat;

/** Changes compare by all four fields, as a record's would, and a snapshot lists each once. */
class ChangeTest {

    @Test
    void changesAreEqualWhenEveryFieldIs() {
        Change change = new Change("repo", "Ann <ann@example.org>", "r1", "fix");
        assertThat(change).isEqualTo(new Change("repo", "Ann <ann@example.org>", "r1", "fix"))
                .hasSameHashCodeAs(new Change("repo", "Ann <ann@example.org>", "r1", "fix"));
        assertThat(List.of(new Change("other", "Ann <ann@example.org>", "r1", "fix"),
                new Change("repo", "Bob", "r1", "fix"), new Change("repo", "Ann <ann@example.org>", "r2", "fix"),
                new Change("repo", "Ann <ann@example.org>", "r1", "other"))).doesNotContain(change);
        assertThat(change).isNotEqualTo("repo").isNotEqualTo(null);
        assertThat(new Change(null, null, null, null)).isEqualTo(new Change("", "", "", ""));
    }

    @Test
    void aChangeInBothSnapshotAndChangelogIsListedOnce() {
        PyTuple seen = new PyTuple(List.of("repo", "Ann", "r1"));
        Map<String, Object> info = Map.of("snapshot", List.of(seen, new PyTuple(List.of("repo", "Bob", "r2"))),
                "changelog", List.of(new PyTuple(List.of("repo", "Ann", "r1"))));
        assertThat(ChangeList.of(info, List.of())).extracting(Change::revision).containsExactlyInAnyOrder("r1", "r2");
    }
}
