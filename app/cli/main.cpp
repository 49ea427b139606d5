// emberc: command-line front end (being written).
#include <cstdio>
int main() { std::fputs("emberc: not ready\n", stderr); return 2; }
