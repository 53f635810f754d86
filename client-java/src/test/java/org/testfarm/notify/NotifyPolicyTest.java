package org.testfarm.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.testfarm.notify.NotifyPolicy.Trigger;
import org.testfarm.state.Status;

class NotifyPolicyTest {

    static final Standing GREEN_1 = Standing.after("1", true);
    static final Standing RED_2 = Standing.after("2", false);
    static final Standing RED_3 = Standing.after("3", false);
    static final Standing GREEN_4 = Standing.after("4", true);

    @Test
    void successiveOutcomesGiveBreakStillFailingRecoveryAndPassing() {
        assertThat(Transition.between(null, RED_2)).containsExactly(Transition.BROKEN);
        assertThat(Transition.between(GREEN_1, RED_2)).containsExactly(Transition.BROKEN);
        assertThat(Transition.between(RED_2, RED_3)).containsExactly(Transition.STILL_FAILING);
        assertThat(Transition.between(RED_3, GREEN_4)).containsExactly(Transition.RECOVERED);
        assertThat(Transition.between(null, GREEN_1)).containsExactly(Transition.PASSING);
    }

    @Test
    void sameExecutionSeenAgainIsNoTransition() {
        assertThat(Transition.between(RED_2, RED_2)).isEmpty();
        assertThat(Transition.between(null, new Standing(Status.INT, "", false))).isEmpty();
    }

    @Test
    void goingMissingAndComingBackAreTransitionsOfTheirOwn() {
        assertThat(Transition.between(GREEN_1, GREEN_1.missing(true))).containsExactly(Transition.MISSING);
        assertThat(Transition.between(GREEN_1.missing(true), GREEN_1)).containsExactly(Transition.BACK);
        assertThat(Transition.between(GREEN_1.missing(true), RED_2)).containsExactly(Transition.BROKEN, Transition.BACK);
    }

    @Test
    void everyFailureNotifiesEachFailedExecutionButNotPasses() {
        NotifyPolicy policy = NotifyPolicy.of(Trigger.FAILURE);

        assertThat(policy.wants(Transition.BROKEN)).isTrue();
        assertThat(policy.wants(Transition.STILL_FAILING)).isTrue();
        assertThat(policy.wants(Transition.RECOVERED)).isFalse();
        assertThat(policy.wants(Transition.PASSING)).isFalse();
    }

    @Test
    void changeNotifiesBreaksAndRecoveriesOnly() {
        NotifyPolicy policy = NotifyPolicy.parse("change");

        assertThat(List.of(Transition.values())).filteredOn(policy::wants)
                .containsExactly(Transition.BROKEN, Transition.RECOVERED);
    }

    @Test
    void combinedPoliciesNotifyWhenAnyOfThemWould() {
        NotifyPolicy policy = NotifyPolicy.of(Trigger.BREAK).or(NotifyPolicy.of(Trigger.RECOVERY))
                .or(NotifyPolicy.parse("missing"));

        assertThat(List.of(Transition.values())).filteredOn(policy::wants)
                .containsExactly(Transition.BROKEN, Transition.RECOVERED, Transition.MISSING, Transition.BACK);
        assertThat(policy).isEqualTo(NotifyPolicy.parse("break, recovery+missing"));
        assertThat(NotifyPolicy.parse(policy.toString())).isEqualTo(policy);
    }

    @Test
    void choosingAmongTransitionsPrefersTheVerdictThePolicyWants() {
        List<Transition> backAndBroken = List.of(Transition.BROKEN, Transition.BACK);

        assertThat(NotifyPolicy.parse("missing,break").choose(backAndBroken)).contains(Transition.BROKEN);
        assertThat(NotifyPolicy.parse("missing").choose(backAndBroken)).contains(Transition.BACK);
        assertThat(NotifyPolicy.parse("recovery").choose(backAndBroken)).isEmpty();
        assertThat(NotifyPolicy.never().choose(backAndBroken)).isEmpty();
    }

    @Test
    void unknownPolicyWordIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> NotifyPolicy.parse("failure, sometimes"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("unknown notification policy 'sometimes'; use any of failure, break, recovery, change,"
                        + " always, missing");
    }

    @Test
    void standingSurvivesItsFileFormat() {
        Standing standing = RED_2.missing(true);

        assertThat(Standing.fromMap(standing.toMap())).isEqualTo(standing);
        assertThat(Standing.fromMap(java.util.Map.of())).isEqualTo(new Standing(Status.INT, "", false));
    }
}
