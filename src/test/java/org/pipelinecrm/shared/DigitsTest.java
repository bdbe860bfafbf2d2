package org.pipelinecrm.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DigitsTest {

    @Test
    void persianAndArabicIndicDigitsAndSeparatorsReadAsNumbers() {
        assertThat(Digits.number("۱٬۲۵۰٬۰۰۰٫۵۰")).isEqualByComparingTo(new BigDecimal("1250000.50"));
        assertThat(Digits.number("٤٥")).isEqualByComparingTo(new BigDecimal("45"));
        assertThat(Digits.number(" 12 500 ")).isEqualByComparingTo(new BigDecimal("12500"));
        assertThat(Digits.number("1,250,000.5")).isEqualByComparingTo(new BigDecimal("1250000.5"));
        assertThat(Digits.number("−۵")).isEqualByComparingTo(new BigDecimal("-5"));
        assertThat(Digits.number("  ")).isNull();
    }

    @Test
    void groupingThatIsNotByThousandsOrTextIsNoNumber() {
        assertThatThrownBy(() -> Digits.number("1,2")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Digits.number("۱۲الف")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void onlyDigitsChangeInPhoneNumbers() {
        assertThat(Digits.phone(" +۹۸ (۲۱) ۵۵۵۵-٠١٠١ ")).isEqualTo("+98 (21) 5555-0101");
        assertThat(Digits.latin("قرارداد ۱۴۰۵")).isEqualTo("قرارداد 1405");
        assertThat(Digits.phone("")).isNull();
    }
}
