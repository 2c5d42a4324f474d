package org.deskcrm.service.client;

/**
 * Checks of Russian company requisites: INN (10 digits for a company, 12 for an individual
 * entrepreneur, with control digits) and KPP (9 characters: 4 digits, 2 digits or capital letters,
 * 3 digits).
 */
public final class Requisites {
    private static final int[] INN10 = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN12_1 = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN12_2 = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};

    private Requisites() {
    }

    public static boolean isValidInn(String inn) {
        if (inn == null || !inn.matches("\\d{10}|\\d{12}")) {
            return false;
        }
        int[] d = inn.chars().map(c -> c - '0').toArray();
        if (d.length == 10) {
            return control(d, INN10) == d[9];
        }
        return control(d, INN12_1) == d[10] && control(d, INN12_2) == d[11];
    }

    public static boolean isValidKpp(String kpp) {
        return kpp != null && kpp.matches("\\d{4}[\\dA-Z]{2}\\d{3}");
    }

    private static int control(int[] digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += digits[i] * weights[i];
        }
        return sum % 11 % 10;
    }

    /** Appends valid control digits to the first 9 (company) or 10 (entrepreneur) digits. */
    public static String completeInn(String prefix) {
        if (!prefix.matches("\\d{9}|\\d{10}")) {
            throw new IllegalArgumentException("9 or 10 digits expected");
        }
        int[] d = new int[prefix.length() + (prefix.length() == 9 ? 1 : 2)];
        for (int i = 0; i < prefix.length(); i++) {
            d[i] = prefix.charAt(i) - '0';
        }
        if (prefix.length() == 9) {
            d[9] = control(d, INN10);
        } else {
            d[10] = control(d, INN12_1);
            d[11] = control(d, INN12_2);
        }
        StringBuilder sb = new StringBuilder();
        for (int x : d) {
            sb.append(x);
        }
        return sb.toString();
    }
}
