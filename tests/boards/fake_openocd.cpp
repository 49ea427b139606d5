// A stand-in for openocd in tests. FAKE_OPENOCD_MODE picks the behaviour:
// success, verify-fail, wrong-target, no-probe, busy, protected, hang,
// stall (starts programming then goes silent), crash. FAKE_OPENOCD_ARGS, if
// set, names a file that receives the arguments, one per line.
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>

namespace {

void say(const char *line, int delayMs = 20) {
    std::fprintf(stderr, "%s\n", line);
    std::fflush(stderr);
    std::this_thread::sleep_for(std::chrono::milliseconds(delayMs));
}

void banner() {
    say("Open On-Chip Debugger 0.12.0 (fake)");
    say("Licensed under GNU GPL v2");
    say("Info : clock speed 2000 kHz");
    say("Info : STLINK V2J37M26 (API v2) VID:PID 0483:374B");
    say("Info : [stm32f4x.cpu] Cortex-M4 r0p1 processor detected");
    say("[stm32f4x.cpu] halted due to debug-request, current mode: Thread");
    say("target halted due to debug-request, current mode: Thread");
}

void program() {
    say("** Programming Started **");
    say("Info : device id = 0x10006421");
    say("Info : flash size = 512 KiB");
    say("** Programming Finished **");
    say("** Verify Started **");
}

}  // namespace

int main(int argc, char **argv) {
    if (const char *f = std::getenv("FAKE_OPENOCD_ARGS")) {
        if (FILE *out = std::fopen(f, "w")) {
            for (int i = 1; i < argc; ++i) std::fprintf(out, "%s\n", argv[i]);
            std::fclose(out);
        }
    }
    const char *m = std::getenv("FAKE_OPENOCD_MODE");
    const std::string mode = m ? m : "success";
    if (mode == "no-probe") {
        say("Open On-Chip Debugger 0.12.0 (fake)");
        say("Error: unable to find a matching CMSIS-DAP device");
        return 1;
    }
    if (mode == "busy") {
        say("Open On-Chip Debugger 0.12.0 (fake)");
        say("Error: libusb_open() failed with LIBUSB_ERROR_BUSY");
        say("Error: open failed");
        return 1;
    }
    if (mode == "wrong-target") {
        say("Open On-Chip Debugger 0.12.0 (fake)");
        say("Info : clock speed 2000 kHz");
        say("Warn : UNEXPECTED idcode: 0x2ba01477");
        say("Error: expected 1 of 1: 0x4ba00477");
        return 1;
    }
    if (mode == "hang") {
        say("Open On-Chip Debugger 0.12.0 (fake)");
        for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
    }
    banner();
    if (mode == "crash") {
        say("** Programming Started **");
        std::raise(SIGSEGV);
    }
    if (mode == "protected") {
        say("** Programming Started **");
        say("Error: stm32x device protected");
        say("Error: failed erasing sectors 0 to 3");
        say("** Programming Failed **");
        return 1;
    }
    if (mode == "stall") {
        say("** Programming Started **");
        for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
    }
    program();
    if (mode == "verify-fail") {
        say("Error: checksum mismatch - attempting binary compare");
        say("diff 0 address 0x08000004. Was 0xff instead of 0x45");
        say("** Verify Failed **");
        say("shutdown command invoked");  // real openocd says this on failures too
        return 1;
    }
    say("** Verified OK **");
    say("** Resetting Target **");
    say("shutdown command invoked");
    return 0;
}
