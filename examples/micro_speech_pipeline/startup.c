/* Start-up for the Cortex-M4 of MPS2 AN386: vector table, FPU on, .data
   copied, .bss zeroed, then main(). */
#include <stdint.h>

extern uint32_t _sidata, _sdata, _edata, _sbss, _ebss, _estack;
int main(void);
void Reset_Handler(void);
void Fault_Handler(void);
void SysTick_Handler(void);
void semihost_exit(int code);

/* The 16 system exceptions; the example uses no peripheral interrupts. */
__attribute__((section(".isr_vector"), used)) const uintptr_t vectors[16] = {
    (uintptr_t)&_estack, (uintptr_t)Reset_Handler, (uintptr_t)Fault_Handler, (uintptr_t)Fault_Handler,
    (uintptr_t)Fault_Handler, (uintptr_t)Fault_Handler, (uintptr_t)Fault_Handler, 0, 0, 0, 0,
    (uintptr_t)Fault_Handler, (uintptr_t)Fault_Handler, 0, (uintptr_t)Fault_Handler, (uintptr_t)SysTick_Handler};

void Reset_Handler(void)
{
    uint32_t *src = &_sidata, *dst = &_sdata;
    /* Full access to CP10/CP11 before any floating-point instruction. */
    *(volatile uint32_t *)0xE000ED88u |= 0xFu << 20;
    __asm__ volatile("dsb\n\tisb" ::: "memory");
    while (dst < &_edata) *dst++ = *src++;
    for (dst = &_sbss; dst < &_ebss;) *dst++ = 0;
    semihost_exit(main());
    for (;;) {
    }
}

void Fault_Handler(void) { semihost_exit(3); }
