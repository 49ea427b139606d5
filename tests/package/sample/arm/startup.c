/* Minimal start-up for QEMU mps2-an386: vector table, .bss cleared (QEMU
   loads .data in place), FPU on, newlib's semihosting handles, main, exit. */
#include <stdint.h>
#include <stdlib.h>

extern uint32_t __bss_start__, __bss_end__, __stack_top;
extern void initialise_monitor_handles(void);
int main(void);
void Reset_Handler(void);
void Fault_Handler(void);

__attribute__((section(".isr_vector"), used)) const uintptr_t vectors[16] = {
    (uintptr_t)&__stack_top, (uintptr_t)Reset_Handler, (uintptr_t)Fault_Handler, (uintptr_t)Fault_Handler,
    (uintptr_t)Fault_Handler, (uintptr_t)Fault_Handler, (uintptr_t)Fault_Handler};

/* crti/crtn are not linked (-nostartfiles); newlib's exit() still calls these. */
void _init(void);
void _fini(void);
void _init(void) {}
void _fini(void) {}

void Fault_Handler(void)
{
    for (;;) {
    }
}

void Reset_Handler(void)
{
    uint32_t *p = &__bss_start__;
    while (p < &__bss_end__) *p++ = 0;
    *(volatile uint32_t *)0xE000ED88u |= 0xFu << 20; /* CP10, CP11: full access */
    __asm__ volatile("dsb\n\tisb" ::: "memory");
    initialise_monitor_handles();
    exit(main());
}
