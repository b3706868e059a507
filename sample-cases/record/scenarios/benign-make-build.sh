# A C build with make -j2: many compiler processes writing object files, a static library, binaries;
# then make clean (deletes them all) and a rebuild.
HOST=build01.corp.example
SUMMARY="Benign: bob builds a 60-file C project with make -j2 (gcc/cc1/as/ld write .o, .a and binaries), make clean deletes them, and builds again."
scenario_prepare() {
    local p="$RT_ROOT/home/bob/Projects/ledger-engine" i
    mkdir -p "$p/src" "$p/include"
    for i in $(seq 1 60); do
        printf '#include "ledger.h"\nint ledger_fn_%d(int x) { int s = 0; for (int i = 0; i < x; i++) s += i * %d; return s; }\n' "$i" "$i" > "$p/src/unit$i.c"
        echo "int ledger_fn_$i(int x);" >> "$p/include/ledger.h"
    done
    printf '#include <stdio.h>\n#include "ledger.h"\nint main(void) { printf("%%d\\n", ledger_fn_1(3) + ledger_fn_60(2)); return 0; }\n' > "$p/main.c"
    cat > "$p/Makefile" <<'MK'
CFLAGS = -O1 -Iinclude
OBJ = $(patsubst src/%.c,build/%.o,$(wildcard src/*.c))
all: build/ledger
build/%.o: src/%.c include/ledger.h
	@mkdir -p build
	$(CC) $(CFLAGS) -c $< -o $@
build/libledger.a: $(OBJ)
	ar rcs $@ $^
build/ledger: main.c build/libledger.a
	$(CC) $(CFLAGS) main.c -Lbuild -lledger -o $@
clean:
	rm -rf build
MK
    chown -R bob:bob "$p"
}
scenario_run() {
    as_login bob "cd ~/Projects/ledger-engine && make -s -j2 && ./build/ledger && make -s clean && make -s -j2 >/dev/null"
}
scenario_verify() { rt_check built "$(ls "$RT_ROOT/home/bob/Projects/ledger-engine/build" | wc -l)" 62; }
scenario_truth() { echo "expected: none"; echo "lookAlike: \"make -j2 build: 60 objects written, deleted by make clean, written again\""; }
