// Writing the output directory: interrupted by signals, through symlinks, without
// RENAME_EXCHANGE, raced by other programs, and failing in Chinese.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>

#include "core/text.h"
#include "support.h"
#include "write/output.h"

using namespace juesuan;
using namespace juesuan::test;
namespace fs = std::filesystem;
using output_testing::Step;

namespace {

const std::set<std::string> kOurs = {"a.txt", "b.txt", "c.txt", "d.txt"};

std::map<std::string, std::string> files_of(const std::string& tag) {
    return {{"a.txt", tag + " a"}, {"b.txt", tag + " b"}, {"c.txt", tag + " c"}};
}

// Names and contents of a directory's files.
std::map<std::string, std::string> contents(const fs::path& dir) {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out[e.path().filename().string()] = slurp(e.path());
    return out;
}

// Every entry of `dir` whose name starts with a dot: temporaries and backups.
std::vector<std::string> hidden(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().front() == '.') out.push_back(e.path().filename().string());
    return out;
}

struct HookReset {
    ~HookReset() { output_testing::set_hook({}); }
};

// Runs `body` in a child process; returns its wait status. Nothing of gtest runs in the child.
template <class F>
pid_t spawn(F body) {
    pid_t pid = ::fork();
    if (pid == 0) {
        int code = 0;
        try {
            body();
        } catch (const std::exception& e) {
            std::fprintf(stderr, "child: %s\n", e.what());
            code = 3;
        }
        ::_exit(code);
    }
    return pid;
}

int wait_for(pid_t pid) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return status;
}

bool signals_usable() {
    struct sigaction sa {};
    ::sigaction(SIGINT, nullptr, &sa);
    return sa.sa_handler != SIG_IGN;
}

// A child that writes `files` to `out` and stops at the `n`th `step`, telling the parent
// through a pipe; the parent then sends `sig`. `no_exchange` makes the swap fail with EINVAL.
int write_killed_at(const fs::path& out, Step step, int n, int sig, bool no_exchange = false) {
    int ready[2];
    if (::pipe(ready) != 0) throw std::runtime_error("pipe");
    pid_t pid = spawn([&] {
        ::close(ready[0]);
        int seen = 0;
        output_testing::set_hook([&](Step s, const fs::path&) {
            if (s == Step::Exchange && no_exchange) return EINVAL;
            if (s == step && ++seen == n) {
                char c = 'r';
                if (::write(ready[1], &c, 1) != 1) ::_exit(4);
                for (;;) ::pause();
            }
            return 0;
        });
        write_files_atomically(out, files_of("new"), kOurs);
    });
    ::close(ready[1]);
    char c = 0;
    bool reached = ::read(ready[0], &c, 1) == 1;
    ::close(ready[0]);
    if (reached) ::kill(pid, sig);
    int status = wait_for(pid);
    EXPECT_TRUE(reached) << "the child never reached the step";
    return status;
}

}  // namespace

// Ctrl-C in the middle of writing the files: the child dies of SIGINT, the temporary
// directory (holding one file by then) is gone and the previous output untouched.
TEST(OutputDir, InterruptMidWriteLeavesNoTemporary) {
    if (!signals_usable()) GTEST_SKIP() << "SIGINT is ignored here";
    TempDir tmp;
    fs::path out = tmp / "out";
    write_files_atomically(out, files_of("old"), kOurs);
    pid_t pid = spawn([&] {
        output_testing::set_hook([](Step s, const fs::path& p) {
            if (s == Step::WriteFile && p.filename() == "b.txt") ::raise(SIGINT);
            return 0;
        });
        write_files_atomically(out, files_of("new"), kOurs);
    });
    int status = wait_for(pid);
    ASSERT_TRUE(WIFSIGNALED(status)) << status;
    EXPECT_EQ(WTERMSIG(status), SIGINT);
    EXPECT_EQ(hidden(tmp.path()), std::vector<std::string>{});
    EXPECT_EQ(contents(out), files_of("old"));
}

// SIGTERM from outside at each step of a replace: no temporary or backup is left, and the
// output is the old one or the new one, whole.
TEST(OutputDir, TerminatedAtEachStepLeavesOldOrNewWhole) {
    if (!signals_usable()) GTEST_SKIP() << "SIGTERM is ignored here";
    struct Case {
        Step step;
        int n;
        bool no_exchange;
        const char* expect;
    };
    const Case cases[] = {
        {Step::WriteFile, 1, false, "old"}, {Step::WriteFile, 3, false, "old"}, {Step::Exchange, 1, false, "old"},
        {Step::Swapped, 1, false, "new"},   {Step::MoveAside, 1, true, "old"},  {Step::MoveIn, 1, true, "old"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(static_cast<int>(c.step));
        TempDir tmp;
        fs::path out = tmp / "out";
        write_files_atomically(out, files_of("old"), kOurs);
        int status = write_killed_at(out, c.step, c.n, SIGTERM, c.no_exchange);
        ASSERT_TRUE(WIFSIGNALED(status)) << status;
        EXPECT_EQ(WTERMSIG(status), SIGTERM);
        EXPECT_EQ(hidden(tmp.path()), std::vector<std::string>{});
        EXPECT_EQ(contents(out), files_of(c.expect));
    }
}

// Interrupted while creating a new output: nothing at all is left.
TEST(OutputDir, InterruptedNewOutputLeavesNothing) {
    if (!signals_usable()) GTEST_SKIP() << "SIGINT is ignored here";
    TempDir tmp;
    int status = write_killed_at(tmp / "out", Step::Create, 1, SIGINT);
    ASSERT_TRUE(WIFSIGNALED(status)) << status;
    EXPECT_EQ(WTERMSIG(status), SIGINT);
    EXPECT_TRUE(fs::is_empty(tmp.path()));
}

// The single-file write (init --xlsx) removes its temporary file on a signal too.
TEST(OutputDir, InterruptedFileWriteLeavesNoTemporary) {
    if (!signals_usable()) GTEST_SKIP() << "SIGINT is ignored here";
    TempDir tmp;
    spit(tmp / "f.xlsx", "old");
    pid_t pid = spawn([&] {
        output_testing::set_hook([](Step s, const fs::path&) {
            if (s == Step::WriteFile) ::raise(SIGINT);
            return 0;
        });
        write_file_atomically(tmp / "f.xlsx", "new", true);
    });
    int status = wait_for(pid);
    ASSERT_TRUE(WIFSIGNALED(status)) << status;
    EXPECT_EQ(hidden(tmp.path()), std::vector<std::string>{});
    EXPECT_EQ(slurp(tmp / "f.xlsx"), "old");
}

// An output given as a symlink stays a symlink; the directory it points at (here in another
// directory, through two links) gets the new contents, its temporary made beside it.
TEST(OutputDir, SymlinkedOutputReplacesTheTarget) {
    TempDir tmp;
    fs::create_directories(tmp / "store");
    write_files_atomically(tmp / "store/real", files_of("old"), kOurs);
    fs::create_directories(tmp / "links");
    fs::create_directory_symlink("../store/real", tmp / "links/inner");
    fs::create_directory_symlink("inner", tmp / "links/out");
    write_files_atomically(tmp / "links/out", files_of("new"), kOurs);
    EXPECT_TRUE(fs::is_symlink(tmp / "links/out"));
    EXPECT_EQ(fs::read_symlink(tmp / "links/out"), "inner");
    EXPECT_TRUE(fs::is_symlink(tmp / "links/inner"));
    EXPECT_EQ(contents(tmp / "store/real"), files_of("new"));
    EXPECT_EQ(hidden(tmp / "store"), std::vector<std::string>{});
    EXPECT_EQ(hidden(tmp / "links"), std::vector<std::string>{});
    // With a trailing slash, and again without RENAME_EXCHANGE.
    HookReset reset;
    output_testing::set_hook([](Step s, const fs::path&) { return s == Step::Exchange ? EINVAL : 0; });
    write_files_atomically((tmp / "links/out").string() + "/", files_of("third"), kOurs);
    EXPECT_TRUE(fs::is_symlink(tmp / "links/out"));
    EXPECT_EQ(contents(tmp / "store/real"), files_of("third"));
    EXPECT_EQ(hidden(tmp / "store"), std::vector<std::string>{});
    // The directory it points at is checked like any output: foreign content is refused.
    spit(tmp / "store/real/mine.txt", "my notes");
    EXPECT_THROW(write_files_atomically(tmp / "links/out", files_of("x"), kOurs), std::runtime_error);
    EXPECT_EQ(slurp(tmp / "store/real/mine.txt"), "my notes");
}

// A symlink to a place that does not exist yet: the directory is created there.
TEST(OutputDir, DanglingSymlinkCreatesTheTarget) {
    TempDir tmp;
    fs::create_directory_symlink("made", tmp / "out");
    write_files_atomically(tmp / "out", files_of("new"), kOurs);
    EXPECT_TRUE(fs::is_symlink(tmp / "out"));
    EXPECT_EQ(contents(tmp / "made"), files_of("new"));
    EXPECT_EQ(hidden(tmp.path()), std::vector<std::string>{});
}

// A file system without RENAME_EXCHANGE (each errno vfat, exFAT or SMB give): the two-step
// replace puts the new output in place and removes the backup.
TEST(OutputDir, WithoutExchangeReplacesInTwoSteps) {
    HookReset reset;
    for (int err : {EINVAL, ENOSYS, ENOTSUP}) {
        SCOPED_TRACE(err);
        TempDir tmp;
        fs::path out = tmp / "out";
        write_files_atomically(out, {{"a.txt", "old a"}, {"d.txt", "old d"}}, kOurs);
        std::vector<Step> steps;
        output_testing::set_hook([&](Step s, const fs::path&) {
            steps.push_back(s);
            return s == Step::Exchange ? err : 0;
        });
        write_files_atomically(out, files_of("new"), kOurs);
        output_testing::set_hook({});
        EXPECT_EQ(contents(out), files_of("new"));  // d.txt of the old output gone
        EXPECT_EQ(hidden(tmp.path()), std::vector<std::string>{});
        ASSERT_GE(steps.size(), 3u);
        EXPECT_EQ(steps[steps.size() - 2], Step::MoveAside);
        EXPECT_EQ(steps.back(), Step::MoveIn);
    }
}

// The second step failing puts the old output back; the first failing changes nothing.
TEST(OutputDir, WithoutExchangeFailureRestoresTheOldOutput) {
    HookReset reset;
    for (Step failing : {Step::MoveAside, Step::MoveIn}) {
        SCOPED_TRACE(static_cast<int>(failing));
        TempDir tmp;
        fs::path out = tmp / "out";
        write_files_atomically(out, files_of("old"), kOurs);
        output_testing::set_hook([&](Step s, const fs::path&) {
            if (s == Step::Exchange) return EINVAL;
            return s == failing ? EIO : 0;
        });
        try {
            write_files_atomically(out, files_of("new"), kOurs);
            ADD_FAILURE() << "no error";
        } catch (const std::runtime_error& e) {
            std::string m = e.what();
            EXPECT_NE(m.find("无法替换 " + out.string()), std::string::npos) << m;
            EXPECT_NE(m.find("读写设备出错（代码 5）"), std::string::npos) << m;
        }
        output_testing::set_hook({});
        EXPECT_EQ(contents(out), files_of("old"));
        EXPECT_EQ(hidden(tmp.path()), std::vector<std::string>{});
    }
}

// Should even the move back fail, the backup is kept, and the message says where.
TEST(OutputDir, WithoutExchangeUnrestorableBackupIsKept) {
    HookReset reset;
    TempDir tmp;
    fs::path out = tmp / "out";
    write_files_atomically(out, files_of("old"), kOurs);
    output_testing::set_hook([&](Step s, const fs::path&) {
        if (s == Step::Exchange) return EINVAL;
        return s == Step::MoveIn || s == Step::MoveBack ? EIO : 0;
    });
    std::string m;
    try {
        write_files_atomically(out, files_of("new"), kOurs);
    } catch (const std::runtime_error& e) {
        m = e.what();
    }
    output_testing::set_hook({});
    EXPECT_NE(m.find("原有内容保存在"), std::string::npos) << m;
    std::vector<std::string> left = hidden(tmp.path());
    ASSERT_EQ(left.size(), 1u);
    EXPECT_EQ(left[0].rfind(".out.old-", 0), 0u) << left[0];
    EXPECT_NE(m.find((tmp / left[0]).string()), std::string::npos) << m;
    EXPECT_EQ(contents(tmp / left[0]), files_of("old"));
}

// Several programs creating the same new directory at once, all past their check that it does
// not exist: every one succeeds and the output is one of theirs, whole. Half the rounds on a
// file system without RENAME_EXCHANGE.
TEST(OutputDir, ConcurrentWritersOfANewDirectoryAllSucceed) {
    constexpr int kRounds = 20, kWriters = 4;
    for (int round = 0; round < kRounds; ++round) {
        SCOPED_TRACE(round);
        bool no_exchange = round % 2 == 1;
        TempDir tmp;
        fs::path out = tmp / "out";
        int ready[2], go[2];
        ASSERT_EQ(::pipe(ready), 0);
        ASSERT_EQ(::pipe(go), 0);
        std::vector<pid_t> pids;
        for (int w = 0; w < kWriters; ++w) {
            pids.push_back(spawn([&, w] {
                ::close(ready[0]);
                ::close(go[1]);
                bool waited = false;
                output_testing::set_hook([&](Step s, const fs::path&) {
                    if (s == Step::Exchange && no_exchange) return EINVAL;
                    // Everyone holds at the rename until all have got there.
                    if (s == Step::Create && !waited) {
                        waited = true;
                        char c = 'r';
                        if (::write(ready[1], &c, 1) != 1) ::_exit(4);
                        if (::read(go[0], &c, 1) < 0) ::_exit(4);
                    }
                    return 0;
                });
                write_files_atomically(out, files_of("writer " + std::to_string(w)), kOurs);
            }));
        }
        ::close(ready[1]);
        ::close(go[0]);
        int arrived = 0;
        char c;
        while (arrived < kWriters && ::read(ready[0], &c, 1) == 1) ++arrived;
        EXPECT_EQ(arrived, kWriters);
        ::close(go[1]);  // releases them all at once
        ::close(ready[0]);
        for (pid_t pid : pids) {
            int status = wait_for(pid);
            EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "status " << status;
        }
        auto got = contents(out);
        bool whole = false;
        for (int w = 0; w < kWriters; ++w) whole = whole || got == files_of("writer " + std::to_string(w));
        EXPECT_TRUE(whole) << got.size() << " files";
        EXPECT_EQ(hidden(tmp.path()), std::vector<std::string>{});
    }
}

// Failures name the path and give the reason in Chinese with its number.
TEST(OutputDir, ErrorsAreChineseWithTheCode) {
    HookReset reset;
    TempDir tmp;
    auto message = [](auto&& f) {
        try {
            f();
        } catch (const std::runtime_error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    // A disk filling up while the files are written: nothing left behind.
    output_testing::set_hook([](Step s, const fs::path&) { return s == Step::WriteFile ? ENOSPC : 0; });
    std::string m = message([&] { write_files_atomically(tmp / "out", files_of("new"), kOurs); });
    EXPECT_NE(m.find("磁盘空间不足（代码 28）"), std::string::npos) << m;
    EXPECT_NE(m.find("a.txt"), std::string::npos) << m;
    EXPECT_TRUE(fs::is_empty(tmp.path()));
    // A read-only file system refusing the swap.
    output_testing::set_hook({});
    write_files_atomically(tmp / "out", files_of("old"), kOurs);
    output_testing::set_hook([](Step s, const fs::path&) { return s == Step::Exchange ? EROFS : 0; });
    m = message([&] { write_files_atomically(tmp / "out", files_of("new"), kOurs); });
    EXPECT_EQ(m, "无法替换 " + (tmp / "out").string() + "：文件系统只读（代码 30）");
    EXPECT_EQ(contents(tmp / "out"), files_of("old"));
    output_testing::set_hook({});
    // Real errors from the system and from std::filesystem: a file where a directory should be.
    spit(tmp / "file", "x");
    for (const fs::path& p : {tmp / "file", tmp / "file/sub/out"}) {
        m = message([&] { write_files_atomically(p, files_of("new"), kOurs); });
        EXPECT_NE(m.find((tmp / "file").string()), std::string::npos) << m;
        for (const char* english : {"No such", "Not a directory", "exists", "ermission", "rror"})
            EXPECT_EQ(m.find(english), std::string::npos) << m;
    }
    m = message([&] { write_file_atomically(tmp / "file/x.xlsx", "x", true); });
    EXPECT_NE(m.find("路径中的某一部分不是目录（代码 20）"), std::string::npos) << m;
}

TEST(OutputDir, ErrorCodesInChinese) {
    EXPECT_EQ(error_code_text(std::error_code(ENOENT, std::generic_category())), "文件或目录不存在（代码 2）");
    EXPECT_EQ(error_code_text(std::error_code(EACCES, std::system_category())), "没有访问权限（代码 13）");
    EXPECT_EQ(error_code_text(std::make_error_code(std::errc::read_only_file_system)), "文件系统只读（代码 30）");
    EXPECT_EQ(errno_text_coded(ENOSPC), "磁盘空间不足（代码 28）");
    EXPECT_EQ(errno_text_coded(EDQUOT), "磁盘配额已满（代码 122）");
    EXPECT_EQ(errno_text_coded(4000), "系统错误（代码 4000）");
    // errno_text itself reads as before.
    EXPECT_EQ(errno_text(ENOENT), "文件或目录不存在");
}
