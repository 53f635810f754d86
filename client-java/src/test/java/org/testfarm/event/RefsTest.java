package org.testfarm.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RefsTest {

    @Test
    void refsAreEqualExactlyWhenEveryPartIs() {
        ExecutionRef ref = new ExecutionRef("p", "c", "20260101-080000");
        assertThat(ref).isEqualTo(new ExecutionRef("p", "c", "20260101-080000"))
                .hasSameHashCodeAs(new ExecutionRef("p", "c", "20260101-080000"));
        List<ExecutionRef> others = List.of(new ExecutionRef("q", "c", "20260101-080000"),
                new ExecutionRef("p", "d", "20260101-080000"), new ExecutionRef("p", "c", "20260101-080001"),
                new ExecutionRef("c", "p", "20260101-080000"));
        assertThat(others).allSatisfy(other -> assertThat(other).isNotEqualTo(ref));
        Set<ExecutionRef> all = new HashSet<>(others);
        all.add(ref);
        assertThat(all).hasSize(5).contains(new ExecutionRef("p", "c", "20260101-080000"));
        assertThat(ref).isNotEqualTo(null).isNotEqualTo("p/c/20260101-080000");

        ClientRef client = ref.clientRef();
        assertThat(client).isEqualTo(new ClientRef("p", "c")).hasSameHashCodeAs(new ClientRef("p", "c"))
                .isNotEqualTo(new ClientRef("p", "d")).isNotEqualTo(new ClientRef("q", "c"))
                .isNotEqualTo(new ClientRef("c", "p")).isNotEqualTo(ref);
    }
}
