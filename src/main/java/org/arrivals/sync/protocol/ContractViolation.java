package org.arrivals.sync.protocol;

/** An event or row the contract refuses, thrown where refusing is the caller's only answer. */
public final class ContractViolation extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public ContractViolation(Problem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
