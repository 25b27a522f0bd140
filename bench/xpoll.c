/* xpoll: watches the X screen after an app was launched and reports, in ms since the launch,
 *   window   the first frame that differs from the first one seen (the window is mapped),
 *   first    the first frame with content: at least MIN_CONTENT pixels differ from the frame's
 *            most common colour (a blank window, whatever its colour, has none),
 *   settled  the last frame that changed by at least MIN_CHANGE pixels from the one before,
 *            over a box at least MIN_SIDE wide and high, i.e. when what is shown stopped
 *            changing (a blinking caret changes fewer pixels; an overlay scrollbar fading
 *            out, which WebKit does seconds after a scrollable page shows, is a thin strip).
 * usage: xpoll START_NS DURATION_MS   (START_NS: CLOCK_MONOTONIC in ns at the launch)
 * Prints one line: "window=MS first=MS settled=MS frames=N start_blank=0|1" (-1 when never
 * seen; start_blank=0 means the screen already had content at the launch: the run is void).
 * Frames are read through MIT-SHM (a plain XGetImage of 4 MB is too slow on a loaded machine).
 * Built by bench/perf.sh with `cc -O2 bench/xpoll.c -lX11 -lXext`. */
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XShm.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MIN_CONTENT 2000
#define MIN_CHANGE 200
#define MIN_SIDE 16
#define SLOTS 8192

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* The most common colour among every 13th pixel. */
static uint32_t mode_colour(const uint32_t *px, size_t n) {
    static uint32_t keys[SLOTS];
    static uint32_t counts[SLOTS];
    memset(counts, 0, sizeof counts);
    uint32_t best = px[0], best_count = 0;
    for (size_t i = 0; i < n; i += 13) {
        uint32_t c = px[i] & 0xffffff;
        uint32_t h = (c * 2654435761u) >> 19; /* 13 bits */
        for (int probe = 0; probe < 64; probe++, h = (h + 1) & (SLOTS - 1)) {
            if (counts[h] == 0) { keys[h] = c; counts[h] = 1; break; }
            if (keys[h] == c) { counts[h]++; break; }
        }
        if (counts[h] > best_count && keys[h] == c) { best = c; best_count = counts[h]; }
    }
    return best;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: xpoll START_NS DURATION_MS\n"); return 2; }
    int64_t start = strtoll(argv[1], NULL, 10);
    int64_t until = start + strtoll(argv[2], NULL, 10) * 1000000;
    Display *d = XOpenDisplay(NULL);
    if (!d) { fprintf(stderr, "xpoll: cannot open display\n"); return 1; }
    Window root = DefaultRootWindow(d);
    XWindowAttributes wa;
    XGetWindowAttributes(d, root, &wa);
    size_t n = (size_t)wa.width * wa.height;
    int screen = DefaultScreen(d);
    if (!XShmQueryExtension(d)) { fprintf(stderr, "xpoll: the X server has no MIT-SHM\n"); return 1; }
    XShmSegmentInfo shm;
    XImage *img = XShmCreateImage(d, DefaultVisual(d, screen), DefaultDepth(d, screen), ZPixmap,
                                  NULL, &shm, wa.width, wa.height);
    if (!img || img->bits_per_pixel != 32) { fprintf(stderr, "xpoll: need a 32-bit ZPixmap\n"); return 1; }
    shm.shmid = shmget(IPC_PRIVATE, (size_t)img->bytes_per_line * img->height, IPC_CREAT | 0600);
    shm.shmaddr = img->data = shmat(shm.shmid, NULL, 0);
    shm.readOnly = False;
    XShmAttach(d, &shm);
    XSync(d, False);
    shmctl(shm.shmid, IPC_RMID, NULL);
    uint32_t *first_frame = NULL, *prev = malloc(n * 4), *cur = malloc(n * 4);
    double window_ms = -1, first_ms = -1, settled_ms = -1;
    long frames = 0;
    int start_blank = 0;
    struct timespec pause = {0, 10 * 1000000};
    for (;;) {
        int64_t t = now_ns();
        if (t > until) break;
        if (!XShmGetImage(d, root, img, 0, 0, AllPlanes)) { nanosleep(&pause, NULL); continue; }
        for (int y = 0; y < wa.height; y++)
            memcpy(cur + (size_t)y * wa.width, img->data + (size_t)y * img->bytes_per_line, (size_t)wa.width * 4);
        double ms = (t - start) / 1e6;
        frames++;
        if (!first_frame) {
            first_frame = malloc(n * 4);
            memcpy(first_frame, cur, n * 4);
        } else {
            size_t diff_first = 0, diff_prev = 0;
            int left = wa.width, right = -1, top = wa.height, bottom = -1;
            for (size_t i = 0; i < n; i++) {
                diff_first += (cur[i] & 0xffffff) != (first_frame[i] & 0xffffff);
                if ((cur[i] & 0xffffff) != (prev[i] & 0xffffff)) {
                    int x = (int)(i % (size_t)wa.width), y = (int)(i / (size_t)wa.width);
                    diff_prev++;
                    if (x < left) left = x;
                    if (x > right) right = x;
                    if (y < top) top = y;
                    if (y > bottom) bottom = y;
                }
            }
            if (window_ms < 0 && diff_first >= n / 100) window_ms = ms;
            if (diff_prev >= MIN_CHANGE && right - left + 1 >= MIN_SIDE && bottom - top + 1 >= MIN_SIDE)
                settled_ms = ms;
        }
        if (first_ms < 0 || frames == 1) {
            uint32_t m = mode_colour(cur, n);
            size_t other = 0;
            for (size_t i = 0; i < n; i++) other += (cur[i] & 0xffffff) != m;
            if (frames == 1) start_blank = other < MIN_CONTENT;
            else if (other >= MIN_CONTENT && first_ms < 0) first_ms = ms;
        }
        uint32_t *swap = prev; prev = cur; cur = swap;
        nanosleep(&pause, NULL);
    }
    printf("window=%.1f first=%.1f settled=%.1f frames=%ld start_blank=%d\n", window_ms, first_ms,
           settled_ms, frames, start_blank);
    XShmDetach(d, &shm);
    shmdt(shm.shmaddr);
    XCloseDisplay(d);
    return 0;
}
