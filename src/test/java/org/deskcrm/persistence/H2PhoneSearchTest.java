package org.deskcrm.persistence;

/** Phone search by any format and by the last digits on embedded H2. */
class H2PhoneSearchTest extends PhoneSearchContract {
    private static final java.util.concurrent.atomic.AtomicInteger N = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    Database openDatabase() {
        return TestDatabases.h2();
    }

    @Override
    DatabaseConfig freshConfig() {
        return DatabaseConfig.inMemory("phoneUpgrade" + N.incrementAndGet());
    }
}
