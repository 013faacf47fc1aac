/*
 * delayer: holds every packet of one NFQUEUE queue for a fixed time, then accepts it.
 *
 * Used by LabKit to add latency on a lab router (this kernel has no netem):
 *   iptables -A FORWARD [-i LINK] -j NFQUEUE --queue-num N --queue-bypass
 *   delayer -q N -d MICROSECONDS
 * Packets are released in arrival order with one batch verdict (valid only because
 * the delay is constant, so FIFO order is never broken). On SIGTERM/SIGINT it accepts
 * everything it still holds and exits; SIGKILL drops those packets.
 * Prints "delayer ready queue=N delay_us=D" on stdout once the queue is bound.
 * Build: gcc -O2 -Wall -o delayer delayer.c -lnetfilter_queue
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <libnetfilter_queue/libnetfilter_queue.h>
#include <linux/netfilter.h>
#include <poll.h>
#include <sched.h>
#include <sys/prctl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/socket.h>

#define RING_SIZE (1u << 18) /* more than the queue maxlen, so the ring never fills */
#define QUEUE_MAXLEN 131072

struct held { uint32_t id; uint64_t due_ns; };

static struct held ring[RING_SIZE];
static uint32_t head, tail; /* head: oldest held packet, tail: next free slot */
static uint64_t delay_ns;
static volatile sig_atomic_t stopping;

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static void on_signal(int sig) { (void)sig; stopping = 1; }

static int on_packet(struct nfq_q_handle *qh, struct nfgenmsg *msg, struct nfq_data *nfa, void *data) {
    (void)msg; (void)data;
    struct nfqnl_msg_packet_hdr *ph = nfq_get_msg_packet_hdr(nfa);
    if (ph == NULL) return 0;
    uint32_t id = ntohl(ph->packet_id);
    if (tail - head >= RING_SIZE) { /* cannot hold it: let it through rather than drop */
        return nfq_set_verdict(qh, id, NF_ACCEPT, 0, NULL);
    }
    ring[tail % RING_SIZE] = (struct held){ .id = id, .due_ns = now_ns() + delay_ns };
    tail++;
    return 0;
}

/* Accepts every held packet that is due (or all of them when flushing). */
static void release_due(struct nfq_q_handle *qh, int flush) {
    uint64_t now = now_ns();
    uint32_t last = head;
    while (last != tail && (flush || ring[last % RING_SIZE].due_ns <= now)) last++;
    if (last == head) return;
    nfq_set_verdict_batch(qh, ring[(last - 1) % RING_SIZE].id, NF_ACCEPT);
    head = last;
}

int main(int argc, char **argv) {
    int queue = -1, opt;
    long long delay_us = -1;
    while ((opt = getopt(argc, argv, "q:d:")) != -1) {
        if (opt == 'q') queue = atoi(optarg);
        else if (opt == 'd') delay_us = atoll(optarg);
        else { fprintf(stderr, "usage: delayer -q QUEUE -d MICROSECONDS\n"); return 2; }
    }
    if (queue < 0 || delay_us < 0) { fprintf(stderr, "usage: delayer -q QUEUE -d MICROSECONDS\n"); return 2; }
    delay_ns = (uint64_t)delay_us * 1000ull;

    /* Signals stay blocked except inside ppoll, so a SIGTERM is never missed. */
    struct sigaction sa = { .sa_handler = on_signal };
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    sigprocmask(SIG_BLOCK, &stop_signals, NULL);

    /* Real-time priority and 1 ns timer slack, so releases stay on time on a loaded machine
     * (shared CI cores). It sleeps in ppoll between releases, so it cannot starve others.
     * Best effort: without CAP_SYS_NICE it just runs at normal priority. */
    struct sched_param sp = { .sched_priority = 10 };
    if (sched_setscheduler(0, SCHED_FIFO, &sp) != 0) perror("sched_setscheduler (continuing)");
    prctl(PR_SET_TIMERSLACK, 1UL, 0, 0, 0);

    struct nfq_handle *h = nfq_open();
    if (h == NULL) { perror("nfq_open"); return 1; }
    struct nfq_q_handle *qh = nfq_create_queue(h, (uint16_t)queue, on_packet, NULL);
    if (qh == NULL) { perror("nfq_create_queue"); return 1; }
    if (nfq_set_mode(qh, NFQNL_COPY_META, 0) < 0) { perror("nfq_set_mode"); return 1; }
    if (nfq_set_queue_maxlen(qh, QUEUE_MAXLEN) < 0) perror("nfq_set_queue_maxlen");
    if (nfq_set_queue_flags(qh, NFQA_CFG_F_GSO, NFQA_CFG_F_GSO) < 0) perror("nfq_set_queue_flags");
    int fd = nfq_fd(h);
    int rcvbuf = 16 * 1024 * 1024;
    setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf, sizeof rcvbuf);
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);

    printf("delayer ready queue=%d delay_us=%lld\n", queue, delay_us);
    fflush(stdout);

    char buf[65536] __attribute__((aligned));
    sigset_t no_signals_blocked;
    sigemptyset(&no_signals_blocked);
    while (!stopping) {
        struct timespec timeout = { .tv_sec = 1, .tv_nsec = 0 };
        if (head != tail) {
            uint64_t due = ring[head % RING_SIZE].due_ns, now = now_ns();
            uint64_t wait = due > now ? due - now : 0;
            timeout.tv_sec = (time_t)(wait / 1000000000ull);
            timeout.tv_nsec = (long)(wait % 1000000000ull);
        }
        struct pollfd pfd = { .fd = fd, .events = POLLIN };
        int ready = ppoll(&pfd, 1, &timeout, &no_signals_blocked);
        if (ready < 0 && errno != EINTR) { perror("ppoll"); break; }
        if (ready > 0) {
            for (;;) {
                ssize_t n = recv(fd, buf, sizeof buf, 0);
                if (n < 0) {
                    if (errno == ENOBUFS) continue; /* the kernel dropped messages: keep going */
                    break; /* EAGAIN: drained */
                }
                nfq_handle_packet(h, buf, (int)n);
            }
        }
        release_due(qh, 0);
    }
    release_due(qh, 1);
    nfq_destroy_queue(qh);
    nfq_close(h);
    return 0;
}
