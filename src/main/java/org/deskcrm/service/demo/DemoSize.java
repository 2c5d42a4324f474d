package org.deskcrm.service.demo;

/** How much demo data to generate. */
public record DemoSize(int clients, int deals, int calls, int years) {
    /** Offered on first start: a few seconds to generate. */
    public static final DemoSize SMALL = new DemoSize(300, 1_500, 3_000, 3);
    public static final DemoSize MEDIUM = new DemoSize(10_000, 100_000, 100_000, 3);
    /** The benchmark data set of issue 9. */
    public static final DemoSize SCALE = new DemoSize(100_000, 1_000_000, 1_000_000, 3);

    public DemoSize {
        if (clients < 1 || deals < 0 || calls < 0 || years < 1) {
            throw new IllegalArgumentException("demo size out of range");
        }
    }
}
