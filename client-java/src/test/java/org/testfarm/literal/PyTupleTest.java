package org.testfarm.literal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PyTupleTest {

    @Test
    void itemsAreAnUnmodifiableCopyThatMayHoldNull() {
        List<Object> source = new ArrayList<>(Arrays.asList("a", null));
        PyTuple tuple = new PyTuple(source);
        source.add("later");
        assertThat(tuple.items()).containsExactly("a", null);
        assertThat(tuple.size()).isEqualTo(2);
        assertThat(tuple.get(1)).isNull();
        assertThatThrownBy(() -> tuple.items().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void tuplesWithEqualItemsAreEqualButNeverEqualToAList() {
        assertThat(PyTuple.of(1L, "x")).isEqualTo(new PyTuple(List.of(1L, "x")))
                .hasSameHashCodeAs(PyTuple.of(1L, "x"))
                .isNotEqualTo(PyTuple.of("x", 1L));
        assertThat((Object) PyTuple.of(1L)).isNotEqualTo(List.of(1L));
        assertThat(PyTuple.of()).isEqualTo(new PyTuple(List.of()));
    }

    @Test
    void hashCodeFollowsTheListFormulaThroughNestedTuples() {
        PyTuple nested = PyTuple.of(1L, PyTuple.of("a", null, PyTuple.of()), List.of(2.5));
        List<Object> sameAsLists = List.of(1L, Arrays.asList("a", null, List.of()), List.of(2.5));
        assertThat(nested.hashCode()).isEqualTo(sameAsLists.hashCode());
    }

    @Test
    void equalityLooksIntoNestedTuplesAndOtherItems() {
        assertThat(PyTuple.of(PyTuple.of(1L, PyTuple.of("x")), List.of(2L)))
                .isEqualTo(PyTuple.of(PyTuple.of(1L, PyTuple.of("x")), List.of(2L)))
                .isNotEqualTo(PyTuple.of(PyTuple.of(1L, PyTuple.of("y")), List.of(2L)))
                .isNotEqualTo(PyTuple.of(PyTuple.of(1L, PyTuple.of("x", "y")), List.of(2L)))
                .isNotEqualTo(PyTuple.of(PyTuple.of(1L, List.of("x")), List.of(2L)))
                .isNotEqualTo(PyTuple.of(PyTuple.of(1L, PyTuple.of("x")), List.of(3L)));
    }

    @Test
    void hundredThousandNestedTuplesHashAndCompareWithoutOverflowingTheStack() {
        PyTuple deep = PyTuple.of();
        PyTuple twin = PyTuple.of();
        for (int i = 0; i < 100_000; i++) {
            deep = PyTuple.of(i, deep);
            twin = PyTuple.of(i, twin);
        }
        assertThat(deep.hashCode()).isEqualTo(twin.hashCode());
        assertThat(deep.equals(twin)).isTrue();
        assertThat(deep.equals(PyTuple.of(99_999, PyTuple.of()))).isFalse();
    }

    @Test
    void ofWithASingleNullIsAOneTuple() {
        assertThat(PyTuple.of((Object) null).items()).containsExactly((Object) null);
        assertThatThrownBy(() -> new PyTuple(null)).isInstanceOf(NullPointerException.class);
    }
}
